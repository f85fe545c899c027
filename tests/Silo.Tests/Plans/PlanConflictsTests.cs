using Inspection.Contracts.Plans;

namespace Inspection.Silo.Tests.Plans;

public class PlanConflictsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Another_agency_planning_the_same_enterprise_on_the_same_topic_in_an_overlapping_period_is_a_warning_on_that_entry()
    {
        var ours = Plan("ours", "Thanh tra tỉnh", 2027, 1, 12, ("0100109106", "tax"), ("0100100079", "labour"));
        var theirs = Plan("theirs", "Cục Thuế", 2027, 6, 9, ("0100109106", "tax"), ("0100100079", "tax"));

        var found = PlanConflicts.Find(ours, [theirs]);

        var conflict = Assert.Single(Assert.Single(found, f => f.Key == 1).Value);
        Assert.Equal(new PlanConflict("theirs", "Cục Thuế", "Kế hoạch theirs", PlanStatuses.Draft, new DateOnly(2027, 6, 1), new DateOnly(2027, 9, 30), 1), conflict);
        Assert.False(found.ContainsKey(2));
    }

    [Fact]
    public void Periods_that_do_not_overlap_the_same_agency_and_other_topics_or_enterprises_are_no_conflict()
    {
        var ours = Plan("ours", "Thanh tra tỉnh", 2027, 1, 6, ("0100109106", "tax"));
        InspectionPlan[] others =
        [
            Plan("later", "Cục Thuế", 2027, 7, 12, ("0100109106", "tax")),
            Plan("same-agency", " thanh tra TỈNH ", 2027, 1, 12, ("0100109106", "tax")),
            Plan("other-topic", "Cục Thuế", 2027, 1, 12, ("0100109106", "environment")),
            Plan("other-enterprise", "Cục Thuế", 2027, 1, 12, ("0100100079", "tax")),
            ours with { Agency = "Cục Thuế" },
        ];

        Assert.Empty(PlanConflicts.Find(ours, others));
    }

    [Fact]
    public void A_period_that_shares_only_its_last_day_overlaps_and_every_rival_plan_is_named()
    {
        var ours = Plan("ours", "Thanh tra tỉnh", 2027, 3, 5, ("0100109106", "social-insurance"));
        var edge = Plan("edge", "BHXH tỉnh", 2027, 1, 3, ("0100109106", "social-insurance")) with { PeriodTo = new DateOnly(2027, 3, 1) };
        var approved = Plan("approved", "Sở Lao động", 2026, 1, 12, ("0100109106", "social-insurance")) with { PeriodTo = new DateOnly(2027, 12, 31), Status = PlanStatuses.Approved };

        var conflicts = PlanConflicts.Find(ours, [approved, edge])[1];

        Assert.Equal(["approved", "edge"], conflicts.Select(c => c.PlanId).Order(StringComparer.Ordinal));
        Assert.Contains(conflicts, c => c.Status == PlanStatuses.Approved && c.Agency == "Sở Lao động");
    }

    private static InspectionPlan Plan(string id, string agency, int year, int fromMonth, int toMonth, params (string Code, string Topic)[] entries)
    {
        var from = new DateOnly(year, fromMonth, 1);
        var to = new DateOnly(year, toMonth, 1).AddMonths(1).AddDays(-1);
        return new InspectionPlan(id, agency, $"Kế hoạch {id}", from, to, ["01"], [.. entries.Select(e => e.Topic).Distinct()], PlanStatuses.Draft,
            [.. entries.Select((e, i) => new PlanEntry(i + 1, e.Code, "Công ty", "01", e.Topic, new PlanReason(PlanReason.Manual, null, null, null, [], "Ghi chú"),
                $"{year}-Q1", "remote", Now, "tv-01"))],
            Now, "tv-01", null, null, 1);
    }
}
