using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>
/// Cross-registry rules: BHXH-INSURED-BELOW-PAYROLL joins each social-insurance month with the tax return
/// of the same period, LABOUR-WORKFORCE-NOT-INSURED each labour-change report with the social-insurance
/// month it ends in, and ENV-DISCHARGE-DURING-SUSPENSION reads the registration status.
/// </summary>
public class JoinTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void Joined_record_of_the_same_period_supplies_the_payroll()
    {
        var facts = EnterpriseBuilder.CleanYear().Contribution("2026-03", ("insuredHeadcount", "15")).Build();

        var hit = Assert.Single(pack.Evaluate(facts, AsOf));

        Assert.Equal("BHXH-INSURED-BELOW-PAYROLL", hit.RuleId);
        Assert.Equal(["BHXH-0314409058-2026-03@v1", "TAX-0314409058-2026-03@v1"], hit.RecordReferences);
        Assert.Equal("40", hit.Values["tax.payrollHeadcount"]);
        Assert.Equal("15", hit.Values["bhxh.insuredHeadcount"]);
    }

    [Fact]
    public void Records_of_other_periods_are_not_joined()
    {
        // The March payroll is too small to judge; April's 40 must not be used for March.
        var facts = EnterpriseBuilder.CleanYear()
            .Tax("2026-03", ("payrollHeadcount", "8"))
            .Contribution("2026-03", ("insuredHeadcount", "0"))
            .Build();

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void Missing_joined_record_means_no_hit_for_that_row()
    {
        var facts = EnterpriseBuilder.CleanYear()
            .Contribution("2026-03", ("insuredHeadcount", "0"))
            .WithoutTax("2026-03")
            .Build();

        // Only the calendar rule sees the return missing; the joins have no row to judge.
        Assert.Equal(["TAX-RETURN-MISSING"], pack.Evaluate(facts, AsOf).Select(hit => hit.RuleId));
    }

    [Fact]
    public void Joined_record_with_a_missing_value_raises_no_hit()
    {
        var facts = EnterpriseBuilder.CleanYear()
            .Tax("2026-03", ("payrollHeadcount", null))
            .Contribution("2026-03", ("insuredHeadcount", "0"))
            .Build();

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void Workforce_report_is_joined_with_the_contribution_of_its_closing_month()
    {
        var facts = EnterpriseBuilder.CleanYear().Contribution("2026-06", ("insuredHeadcount", "25")).Build();

        var hit = Assert.Single(pack.Evaluate(facts, AsOf));

        Assert.Equal(("LABOUR-WORKFORCE-NOT-INSURED", "2026-06"), (hit.RuleId, hit.Period));
        Assert.Equal(["LAB-0314409058-2026-H1@v1", "BHXH-0314409058-2026-06@v1"], hit.RecordReferences);
        Assert.Equal(
            new Dictionary<string, string> { ["lab.reportedWorkforce"] = "40", ["bhxh.insuredHeadcount"] = "25", ["insuredPercent"] = "62.5" },
            hit.Values);
    }

    [Fact]
    public void Workforce_report_is_not_judged_against_other_months()
    {
        // Nobody insured in May or July; the June contribution (38 of 40) is what the H1 report meets.
        var facts = EnterpriseBuilder.CleanYear()
            .Contribution("2026-05", ("insuredHeadcount", "0"))
            .Contribution("2026-07", ("insuredHeadcount", "0"))
            .Tax("2026-05", ("payrollHeadcount", "8"))
            .Tax("2026-07", ("payrollHeadcount", "8"))
            .Build();

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void Workforce_report_without_a_contribution_of_its_month_raises_no_hit()
    {
        var facts = EnterpriseBuilder.CleanYear()
            .Workforce("2026-06", ("reportedWorkforce", "400"))
            .WithoutContribution("2026-06")
            .Build();

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void Discharge_during_suspension_references_the_summary_and_the_registration()
    {
        var hit = Assert.Single(pack.Evaluate(ShippedPackTests.Planted("ENV-DISCHARGE-DURING-SUSPENSION", "2026-03").Build(), AsOf));

        Assert.Equal(["ENV-0314409058-2026-03@v1", "REG-0314409058@v2"], hit.RecordReferences);
        Assert.Equal("suspended", hit.Values["registration.status"]);
        Assert.Equal("2026-02-14", hit.Values["registration.statusSince"]);
        Assert.Equal("850", hit.Values["env.dischargeM3"]);
    }

    [Fact]
    public void Discharge_during_suspension_needs_a_registration()
    {
        var enterprise = ShippedPackTests.Planted("ENV-DISCHARGE-DURING-SUSPENSION", "2026-03").WithoutRegistration();

        Assert.Empty(pack.Evaluate(enterprise.Build(), AsOf));
    }

    [Fact]
    public void Every_discharging_month_from_the_suspension_on_is_a_hit()
    {
        // Suspended from 14/02/2026 with no invoices since, but the station kept measuring discharges
        // until April: February started before the suspension; March and April are inside it.
        var facts = EnterpriseBuilder.CleanYear()
            .Registration("suspended", "2026-02-14")
            .InactiveFrom("2026-02")
            .Monitoring("2026-02")
            .Monitoring("2026-03")
            .Monitoring("2026-04")
            .Build();

        var hits = pack.Evaluate(facts, AsOf);

        Assert.Equal(
            [("ENV-DISCHARGE-DURING-SUSPENSION", "2026-03"), ("ENV-DISCHARGE-DURING-SUSPENSION", "2026-04")],
            hits.Select(hit => (hit.RuleId, hit.Period)));
    }
}
