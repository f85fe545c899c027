using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Plans;
using Inspection.Silo.Plans;

namespace Inspection.Silo.Tests.Plans;

public class PlanRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly CaseActor Inspector = new("tv-01", "inspector");
    private static readonly CaseActor Leader = new("ld-01", "leadership");

    [Fact]
    public void A_proposal_takes_the_riskiest_enterprises_of_its_provinces_in_queue_order_each_on_every_topic_riskiest_first_in_the_year()
    {
        EnterpriseListing[] queue =
        [
            Listing("0100109106", "01", 0.40),
            Listing("0314409058", "79", 0.95),
            Listing("0100100079", "01", 0.70),
            Listing("0100100417", "01", 0.70),
            Listing("0100101234", "01", 0.10),
        ];

        var plan = Ok(PlanRules.Propose("p1", Proposal(["01"], [PlanTopics.Tax, PlanTopics.SocialInsurance], size: 3, queue), Inspector, Now));

        // 0314409058 is riskiest but in 79, outside the plan; ties on score go by code, as the queue ranks them.
        Assert.Equal(
            [("0100100079", PlanTopics.Tax), ("0100100079", PlanTopics.SocialInsurance), ("0100100417", PlanTopics.Tax),
             ("0100100417", PlanTopics.SocialInsurance), ("0100109106", PlanTopics.Tax), ("0100109106", PlanTopics.SocialInsurance)],
            plan.Entries.Select(e => (e.EnterpriseCode, e.Topic)));
        Assert.Equal([1, 2, 3, 4, 5, 6], plan.Entries.Select(e => e.Number));
        Assert.Equal(["2027-Q1", "2027-Q1", "2027-Q2", "2027-Q2", "2027-Q3", "2027-Q3"], plan.Entries.Select(e => e.PlannedIn));
        var first = plan.Entries[0].Reason;
        Assert.Equal((PlanReason.Risk, 0.70, "high", 1), (first.Kind, first.RiskScore, first.RiskTier, first.Rank));
        Assert.Equal("TAX-LATE", Assert.Single(first.RiskReasons).Code);
        Assert.Equal((PlanStatuses.Draft, 1, "tv-01"), (plan.Status, plan.Version, plan.CreatedBy));
        Assert.Equal("Kế hoạch thanh tra năm 2027", plan.Title);
    }

    [Theory]
    [InlineData("", "agency")]
    [InlineData("provinces", "provinces")]
    [InlineData("topics", "topics")]
    [InlineData("size", "size")]
    [InlineData("period", "period")]
    [InlineData("mode", "mode")]
    public void A_proposal_with_a_wrong_field_is_refused_naming_it(string wrong, string field)
    {
        var good = Proposal(["01"], [PlanTopics.Tax], 3, []);
        var command = wrong switch
        {
            "" => good with { Agency = " " },
            "provinces" => good with { Provinces = [] },
            "topics" => good with { Topics = ["astrology"] },
            "size" => good with { Size = 0 },
            "period" => good with { PeriodTo = good.PeriodFrom.AddDays(-1) },
            _ => good with { Mode = "by-post" },
        };

        var refusal = PlanRules.Propose("p1", command, Inspector, Now).Refusal!;

        Assert.Equal((PlanRefusal.Invalid, field), (refusal.Code, refusal.Field));
    }

    [Fact]
    public void Entries_added_by_hand_need_a_valid_code_a_province_of_the_plan_a_topic_a_timing_in_the_period_and_a_note()
    {
        var plan = Ok(PlanRules.Propose("p1", Proposal(["01"], [PlanTopics.Tax], 1, [Listing("0100109106", "01", 0.5)]), Inspector, Now));
        NewPlanEntry Manual(string code = "0100100079", string province = "01", string topic = PlanTopics.Labour, string plannedIn = "2027-05", string note = "Phản ánh của người lao động") =>
            new(code, "Công ty B", province, topic, plannedIn, CaseModes.Hybrid, note);

        Assert.Equal("enterpriseCode", PlanRules.AddEntry(plan, Manual(code: "0100109107"), Inspector, Now).Refusal!.Field);
        var outside = PlanRules.AddEntry(plan, Manual(province: "79"), Inspector, Now).Refusal!;
        Assert.Equal(("enterpriseCode", true), (outside.Field, outside.Message.Contains("outside the plan's provinces", StringComparison.Ordinal)));
        Assert.Equal("topic", PlanRules.AddEntry(plan, Manual(topic: "weather"), Inspector, Now).Refusal!.Field);
        Assert.Equal("plannedIn", PlanRules.AddEntry(plan, Manual(plannedIn: "2028-Q1"), Inspector, Now).Refusal!.Field);
        Assert.Equal("plannedIn", PlanRules.AddEntry(plan, Manual(plannedIn: "2027-13"), Inspector, Now).Refusal!.Field);
        Assert.Equal("note", PlanRules.AddEntry(plan, Manual(note: " "), Inspector, Now).Refusal!.Field);
        var twin = PlanRules.AddEntry(plan, Manual(code: "0100109106", topic: PlanTopics.Tax), Inspector, Now).Refusal!;
        Assert.Equal(("topic", true), (twin.Field, twin.Message.Contains("Entry 1 already plans", StringComparison.Ordinal)));

        var step = PlanRules.AddEntry(plan, Manual(), Inspector, Now);
        var added = Ok(step).Entries[^1];
        Assert.Equal((2, PlanReason.Manual, "Phản ánh của người lao động", "2027-05", CaseModes.Hybrid), (added.Number, added.Reason.Kind, added.Reason.Note, added.PlannedIn, added.Mode));
        Assert.Equal(("plan.entry-added", "0100100079", "2"), (step.Action, step.Details["enterprise"], step.Details["entry"]));
        Assert.Equal(2, step.Plan!.Version);
    }

    [Fact]
    public void An_entry_changes_topic_timing_or_mode_and_is_removed_while_the_plan_is_a_draft()
    {
        var plan = Ok(PlanRules.Propose("p1", Proposal(["01"], [PlanTopics.Tax, PlanTopics.Labour], 1, [Listing("0100109106", "01", 0.5)]), Inspector, Now));

        Assert.Equal("topic", PlanRules.ChangeEntry(plan, new PlanEntryChange(1, PlanTopics.Labour, null, null)).Refusal!.Field);
        Assert.Equal("body", PlanRules.ChangeEntry(plan, new PlanEntryChange(1, null, null, null)).Refusal!.Field);
        Assert.Equal(PlanRefusal.NotFound, PlanRules.ChangeEntry(plan, new PlanEntryChange(9, null, "2027-Q4", null)).Refusal!.Code);
        var changed = Ok(PlanRules.ChangeEntry(plan, new PlanEntryChange(1, PlanTopics.Environment, "2027-Q4", CaseModes.OnSite)));
        Assert.Equal((PlanTopics.Environment, "2027-Q4", CaseModes.OnSite), (changed.Entries[0].Topic, changed.Entries[0].PlannedIn, changed.Entries[0].Mode));
        Assert.Equal(PlanTopics.Labour, changed.Entries[1].Topic);

        var removed = Ok(PlanRules.RemoveEntry(changed, 1));
        Assert.Equal([2], removed.Entries.Select(e => e.Number));
        Assert.Equal(PlanRefusal.NotFound, PlanRules.RemoveEntry(removed, 1).Refusal!.Code);
    }

    [Fact]
    public void An_approved_plan_is_locked_against_every_change()
    {
        var empty = Ok(PlanRules.Propose("p1", Proposal(["01"], [PlanTopics.Tax], 1, []), Inspector, Now));
        Assert.Equal(PlanRefusal.NotAllowed, PlanRules.Approve(empty, Leader, Now).Refusal!.Code);
        var plan = Ok(PlanRules.Propose("p1", Proposal(["01"], [PlanTopics.Tax], 1, [Listing("0100109106", "01", 0.5)]), Inspector, Now));

        var approved = Ok(PlanRules.Approve(plan, Leader, Now.AddDays(1)));

        Assert.Equal((PlanStatuses.Approved, "ld-01", Now.AddDays(1), true), (approved.Status, approved.ApprovedBy, approved.ApprovedAt, approved.IsLocked));
        Assert.Equal(PlanRefusal.Locked, PlanRules.Approve(approved, Leader, Now).Refusal!.Code);
        Assert.Equal(PlanRefusal.Locked, PlanRules.RemoveEntry(approved, 1).Refusal!.Code);
        Assert.Equal(PlanRefusal.Locked, PlanRules.ChangeEntry(approved, new PlanEntryChange(1, null, "2027-Q2", null)).Refusal!.Code);
        Assert.Equal(PlanRefusal.Locked, PlanRules.AddEntry(approved, new NewPlanEntry("0100100079", "B", "01", PlanTopics.Tax, "2027-Q1", CaseModes.Remote, "Ghi chú"), Inspector, Now).Refusal!.Code);
    }

    [Theory]
    [InlineData("2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    public void A_timing_names_a_quarter_or_a_month(string text, string from, string to)
    {
        Assert.True(PlanTiming.TryParse(text, out var start, out var end));
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (start, end));
    }

    [Fact]
    public void The_quarters_of_a_period_are_those_it_touches()
    {
        Assert.Equal(["2026-Q4", "2027-Q1", "2027-Q2"], PlanTiming.QuartersOf(new DateOnly(2026, 12, 15), new DateOnly(2027, 4, 1)));
        Assert.False(PlanTiming.TryParse("2026-Q5", out _, out _));
    }

    private static NewPlan Proposal(IReadOnlyList<string> provinces, IReadOnlyList<string> topics, int size, IReadOnlyList<EnterpriseListing> candidates) =>
        new("Thanh tra tỉnh Hà Nội", "Kế hoạch thanh tra năm 2027", new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), provinces, topics, size, CaseModes.Remote, candidates);

    private static EnterpriseListing Listing(string code, string province, double score) =>
        new(code, $"Công ty {code}", province, province, "manufacturing", "active", score, score >= 0.6 ? "high" : "medium", 1, null,
            [new RiskReason(RiskReason.Flag, "TAX-LATE", score, 1, null, "high")]);

    private static InspectionPlan Ok(PlanStep step)
    {
        Assert.True(step.Plan is not null, step.Refusal?.Message);
        return step.Plan;
    }
}
