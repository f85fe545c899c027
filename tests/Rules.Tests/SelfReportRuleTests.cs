using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>The shipped rules over the enterprise's own reports, beside the registries' records.</summary>
public class SelfReportRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void Reports_that_match_their_station_and_arrive_on_time_raise_nothing()
    {
        var facts = EnterpriseBuilder.CleanYear().SelfReport("2026-08").SelfReport("2026-09").SelfReport("2026-10").Build();

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void A_report_declaring_far_less_wastewater_than_the_station_measured_is_flagged_with_both_records()
    {
        var facts = EnterpriseBuilder.CleanYear().SelfReport("2026-09").SelfReport("2026-10", ("dischargeM3", "3100")).Build();

        var hit = Assert.Single(pack.Evaluate(facts, AsOf));

        Assert.Equal(("SELF-REPORT-DISCHARGE-BELOW-STATION", "2026-10"), (hit.RuleId, hit.Period));
        Assert.Equal([$"{Records.Code}/wastewater-monthly/2026-10@v1", $"ENV-{Records.Code}-2026-10@v1"], hit.RecordReferences);
        Assert.Equal("50", hit.Values["gapPercent"]);
        Assert.Contains("thấp hơn 50% so với 6.200 m³", hit.ExplanationVi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_within_a_fifth_of_the_station_is_not_a_difference()
    {
        var facts = EnterpriseBuilder.CleanYear().SelfReport("2026-10", ("dischargeM3", "4960")).Build();

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void A_report_received_after_its_due_date_is_flagged_late_by_its_days()
    {
        var facts = EnterpriseBuilder.CleanYear().SelfReport("2026-09", ("submittedOn", "2026-10-20")).SelfReport("2026-10").Build();

        var hit = Assert.Single(pack.Evaluate(facts, AsOf));

        Assert.Equal(("SELF-REPORT-LATE", "2026-09"), (hit.RuleId, hit.Period));
        Assert.Equal("5", hit.Values["daysLate"]);
    }

    [Fact]
    public void A_month_missing_from_an_enterprise_that_reports_is_flagged_once_its_due_date_has_passed()
    {
        // Reported August, then nothing: September was due on 15 October; October is due on 15 November.
        var facts = EnterpriseBuilder.CleanYear().SelfReport("2026-08").Build();

        var hits = pack.Evaluate(facts, AsOf);

        Assert.Equal([("SELF-REPORT-MISSING", "2026-09"), ("SELF-REPORT-MISSING", "2026-10")], hits.Select(h => (h.RuleId, h.Period!)).Order());
        Assert.Empty(pack.Evaluate(facts, new DateOnly(2026, 10, 15)));
    }

    [Fact]
    public void An_enterprise_that_never_reported_through_the_platform_is_not_judged_missing()
    {
        Assert.Empty(pack.Evaluate(EnterpriseBuilder.CleanYear().Build(), AsOf));
    }
}
