using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class ShippedPackTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void Shipped_pack_holds_exactly_the_six_documented_rules()
    {
        Assert.Equal("core", pack.Id);
        Assert.False(string.IsNullOrWhiteSpace(pack.Version));
        Assert.Equal(
            ["BHXH-ARREARS", "BHXH-INSURED-BELOW-PAYROLL", "TAX-DEBT-OVERDUE", "TAX-INVOICES-AFTER-DISSOLUTION", "TAX-INVOICES-DURING-SUSPENSION", "TAX-LATE-FILING"],
            pack.Rules.Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_shipped_rule_is_in_force_for_the_monitored_window()
    {
        foreach (var period in new[] { "2025-11", "2026-06", "2026-07", "2026-11" })
        {
            var day = Records.PeriodStart(period);
            var inForce = pack.Rules.Where(rule => rule.IsInForceOn(day) && rule.ValidFrom <= AsOf).Select(rule => rule.Id).ToList();
            Assert.Equal(6, inForce.Distinct().Count());
            Assert.Equal(6, inForce.Count);
        }
    }

    [Fact]
    public void Clean_enterprise_raises_no_hit()
    {
        Assert.Empty(pack.Evaluate(EnterpriseBuilder.CleanYear().Build(), AsOf));
    }

    [Theory]
    [InlineData("TAX-LATE-FILING")]
    [InlineData("TAX-DEBT-OVERDUE")]
    [InlineData("BHXH-ARREARS")]
    [InlineData("BHXH-INSURED-BELOW-PAYROLL")]
    [InlineData("TAX-INVOICES-AFTER-DISSOLUTION")]
    [InlineData("TAX-INVOICES-DURING-SUSPENSION")]
    public void Planted_violation_raises_exactly_its_rule_once(string ruleId)
    {
        var hit = Assert.Single(pack.Evaluate(Planted(ruleId, "2026-03").Build(), AsOf));

        Assert.Equal(ruleId, hit.RuleId);
        Assert.Equal("2026-03", hit.Period);
    }

    [Theory]
    [InlineData("filed on the due date")]
    [InlineData("tax overdue exactly 30 days")]
    [InlineData("one month in arrears")]
    [InlineData("insured exactly half of payroll")]
    [InlineData("insured 90% of payroll")]
    [InlineData("payroll under 10 with nobody insured")]
    [InlineData("invoices in the dissolution month before the dissolution date")]
    [InlineData("suspended with no invoices after")]
    [InlineData("dissolved with no invoices after")]
    [InlineData("active again after a suspension")]
    public void Clean_bounds_stay_quiet(string situation)
    {
        var enterprise = situation switch
        {
            "filed on the due date" => EnterpriseBuilder.CleanYear().Tax("2026-03", ("filedOn", "2026-04-20")),
            "tax overdue exactly 30 days" => EnterpriseBuilder.CleanYear().Tax("2026-03", ("overdueDays", "30")),
            "one month in arrears" => EnterpriseBuilder.CleanYear().Contribution("2026-03", ("monthsInArrears", "1")),
            "insured exactly half of payroll" => EnterpriseBuilder.CleanYear().Contribution("2026-03", ("insuredHeadcount", "20")),
            "insured 90% of payroll" => EnterpriseBuilder.CleanYear().Contribution("2026-03", ("insuredHeadcount", "36")),
            "payroll under 10 with nobody insured" => EnterpriseBuilder.CleanYear()
                .Tax("2026-03", ("payrollHeadcount", "9"))
                .Contribution("2026-03", ("insuredHeadcount", "0")),
            "invoices in the dissolution month before the dissolution date" =>
                WithoutInvoicesFrom(EnterpriseBuilder.CleanYear().Registration("dissolved", "2026-02-14"), "2026-03"),
            "suspended with no invoices after" =>
                WithoutInvoicesFrom(EnterpriseBuilder.CleanYear().Registration("suspended", "2026-02-14"), "2026-02"),
            "dissolved with no invoices after" =>
                WithoutInvoicesFrom(EnterpriseBuilder.CleanYear().Registration("dissolved", "2026-02-01"), "2026-02"),
            "active again after a suspension" => EnterpriseBuilder.CleanYear().Registration("active", "2026-05-01"),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };

        Assert.Empty(pack.Evaluate(enterprise.Build(), AsOf));
    }

    [Fact]
    public void Several_violations_in_one_enterprise_each_raise_their_own_hit()
    {
        var enterprise = EnterpriseBuilder.CleanYear()
            .Tax("2026-01", ("filedOn", "2026-02-27"))
            .Tax("2026-09", ("filedOn", "2026-10-21"), ("overdueDays", "31"))
            .Contribution("2026-04", ("monthsInArrears", "3"));

        var hits = pack.Evaluate(enterprise.Build(), AsOf);

        Assert.Equal(
            [("TAX-LATE-FILING", 1, "2026-01"), ("TAX-LATE-FILING", 2, "2026-09"), ("TAX-DEBT-OVERDUE", 1, "2026-09"), ("BHXH-ARREARS", 1, "2026-04")],
            hits.Select(hit => (hit.RuleId, hit.RuleVersion, hit.Period)));
    }

    /// <summary>A clean year with one violation of <paramref name="ruleId"/> planted in <paramref name="period"/>.</summary>
    internal static EnterpriseBuilder Planted(string ruleId, string period)
    {
        var due = Records.PeriodStart(period).AddMonths(1).AddDays(19);
        var builder = EnterpriseBuilder.CleanYear();
        return ruleId switch
        {
            "TAX-LATE-FILING" => builder.Tax(period, ("filedOn", Records.Date(due.AddDays(5)))),
            "TAX-DEBT-OVERDUE" => builder.Tax(period, ("overdueDays", "45")),
            "BHXH-ARREARS" => builder.Contribution(period, ("monthsInArrears", "2"), ("contributionPaid", "0")),
            "BHXH-INSURED-BELOW-PAYROLL" => builder.Contribution(period, ("insuredHeadcount", "15")),
            "TAX-INVOICES-AFTER-DISSOLUTION" => WithInvoicesOnlyIn(
                builder.Registration("dissolved", Records.Date(Records.PeriodStart(period).AddMonths(-1).AddDays(13))), period),
            "TAX-INVOICES-DURING-SUSPENSION" => WithInvoicesOnlyIn(
                builder.Registration("suspended", Records.Date(Records.PeriodStart(period).AddMonths(-1).AddDays(13))), period),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId)),
        };
    }

    // After a suspension or dissolution, clean data has returns with no invoices.
    private static EnterpriseBuilder WithoutInvoicesFrom(EnterpriseBuilder builder, string fromPeriod)
    {
        foreach (var period in builder.Periods.Where(p => string.CompareOrdinal(p, fromPeriod) >= 0).ToList())
        {
            builder.Tax(period, ("invoicesIssued", "0"));
        }

        return builder;
    }

    // The status change a month before the planted period; invoices before the change are lawful.
    private static EnterpriseBuilder WithInvoicesOnlyIn(EnterpriseBuilder builder, string period)
    {
        var statusMonth = Records.Month(Records.PeriodStart(period).AddMonths(-1));
        WithoutInvoicesFrom(builder, statusMonth);
        return builder.Tax(period, ("invoicesIssued", "7"));
    }
}
