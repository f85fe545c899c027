using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>BHXH-INSURED-BELOW-PAYROLL joins each social-insurance month with the tax return of the same period.</summary>
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

        Assert.Empty(pack.Evaluate(facts, AsOf));
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
}
