using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class ShippedPackTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void Shipped_pack_holds_exactly_the_nineteen_documented_rules()
    {
        Assert.Equal("core", pack.Id);
        Assert.Equal("1.3.0", pack.Version);
        Assert.Equal(
            [
                "BHXH-ARREARS", "BHXH-INSURED-BELOW-PAYROLL",
                "ENV-DISCHARGE-DURING-SUSPENSION", "ENV-PARAMETER-OVER-LIMIT", "ENV-TRANSMISSION-GAP",
                "LABOUR-ACCIDENT-NOT-DECLARED", "LABOUR-REPORT-LATE", "LABOUR-REPORT-MISSING", "LABOUR-WORKFORCE-NOT-INSURED",
                "SELF-REPORT-DISCHARGE-BELOW-STATION", "SELF-REPORT-LATE", "SELF-REPORT-MISSING",
                "TAX-DEBT-OVERDUE", "TAX-INVOICES-AFTER-DISSOLUTION", "TAX-INVOICES-DURING-SUSPENSION", "TAX-LATE-FILING",
                "TAX-OUTPUT-VAT-UNDERDECLARED", "TAX-RETURN-MISSING", "TAX-REVENUE-COLLAPSE-WITH-STAFF",
            ],
            pack.Rules.Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ten_shipped_rules_read_more_than_one_registry()
    {
        // Business registration counts as a registry of its own: its status and dates are read across.
        var crossRegistry = pack.Rules.Where(rule => rule.Registries.Count > 1).Select(rule => rule.Id).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "BHXH-INSURED-BELOW-PAYROLL", "ENV-DISCHARGE-DURING-SUSPENSION", "LABOUR-REPORT-MISSING", "LABOUR-WORKFORCE-NOT-INSURED",
                "SELF-REPORT-DISCHARGE-BELOW-STATION", "SELF-REPORT-MISSING", "TAX-INVOICES-AFTER-DISSOLUTION", "TAX-INVOICES-DURING-SUSPENSION", "TAX-RETURN-MISSING", "TAX-REVENUE-COLLAPSE-WITH-STAFF",
            ],
            crossRegistry);
    }

    [Theory]
    [InlineData("LABOUR-WORKFORCE-NOT-INSURED", "theo chính sách của cơ quan")]
    [InlineData("ENV-PARAMETER-OVER-LIMIT", "theo chính sách của cơ quan")]
    [InlineData("ENV-TRANSMISSION-GAP", "theo chính sách của cơ quan")]
    [InlineData("LABOUR-REPORT-LATE", "145/2020/NĐ-CP")]
    [InlineData("LABOUR-ACCIDENT-NOT-DECLARED", "Điều 34 (khai báo tai nạn lao động")]
    [InlineData("ENV-DISCHARGE-DURING-SUSPENSION", "59/2020/QH14, Điều 206")]
    public void New_rules_cite_their_basis_and_mark_policy_thresholds(string ruleId, string expected)
    {
        Assert.Contains(expected, pack.Rules.Single(rule => rule.Id == ruleId).LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_rule_is_in_force_for_the_monitored_window()
    {
        foreach (var period in new[] { "2025-11", "2026-06", "2026-07", "2026-11" })
        {
            var day = Records.PeriodStart(period);
            var inForce = pack.Rules.Where(rule => rule.IsInForceOn(day) && rule.ValidFrom <= AsOf).Select(rule => rule.Id).ToList();
            Assert.Equal(19, inForce.Distinct().Count());
            Assert.Equal(19, inForce.Count);
        }
    }

    [Fact]
    public void Clean_enterprise_raises_no_hit()
    {
        // Twelve months of every registry, with the accidents clean data may hold: one serious injury
        // declared late, and a fatal one declared immediately.
        var facts = EnterpriseBuilder.CleanYear()
            .Accident("2026-04", seriousInjuries: 1, fatalities: 0, declaration: "late")
            .Accident("2026-09", seriousInjuries: 2, fatalities: 1, declaration: "immediate")
            .Build();

        Assert.Equal(
            [
                ("business-registration", "registration", 1), ("environment", "monitoring-summary", 12),
                ("labour", "accident-report", 2), ("labour", "workforce-report", 2),
                ("social-insurance", "contribution", 12), ("tax", "vat-return", 12),
            ],
            facts.Records.GroupBy(record => (record.Registry, record.Kind))
                .Select(kind => (kind.Key.Registry, kind.Key.Kind, kind.Count()))
                .OrderBy(kind => kind.Registry, StringComparer.Ordinal).ThenBy(kind => kind.Kind, StringComparer.Ordinal));
        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Theory]
    [InlineData("TAX-LATE-FILING", "2026-03")]
    [InlineData("TAX-DEBT-OVERDUE", "2026-03")]
    [InlineData("BHXH-ARREARS", "2026-03")]
    [InlineData("BHXH-INSURED-BELOW-PAYROLL", "2026-03")]
    [InlineData("TAX-INVOICES-AFTER-DISSOLUTION", "2026-03")]
    [InlineData("TAX-INVOICES-DURING-SUSPENSION", "2026-03")]
    [InlineData("LABOUR-REPORT-LATE", "2026-06")]
    [InlineData("LABOUR-REPORT-LATE", "2025-12")]
    [InlineData("LABOUR-WORKFORCE-NOT-INSURED", "2026-06")]
    [InlineData("LABOUR-WORKFORCE-NOT-INSURED", "2025-12")]
    [InlineData("LABOUR-ACCIDENT-NOT-DECLARED", "2026-03")]
    [InlineData("ENV-PARAMETER-OVER-LIMIT", "2026-03")]
    [InlineData("ENV-TRANSMISSION-GAP", "2026-03")]
    [InlineData("ENV-DISCHARGE-DURING-SUSPENSION", "2026-03")]
    [InlineData("ENV-DISCHARGE-DURING-SUSPENSION", "2026-11")]
    [InlineData("TAX-RETURN-MISSING", "2026-03")]
    [InlineData("TAX-RETURN-MISSING", "2025-12")]
    [InlineData("TAX-OUTPUT-VAT-UNDERDECLARED", "2026-03")]
    [InlineData("TAX-REVENUE-COLLAPSE-WITH-STAFF", "2026-03")]
    [InlineData("LABOUR-REPORT-MISSING", "2026-06")]
    [InlineData("LABOUR-REPORT-MISSING", "2025-12")]
    public void Planted_violation_raises_exactly_its_rule_once(string ruleId, string period)
    {
        var hit = Assert.Single(pack.Evaluate(Planted(ruleId, period).Build(), AsOf));

        Assert.Equal(ruleId, hit.RuleId);
        Assert.Equal(period, hit.Period);
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
    [InlineData("labour report submitted on the due date")]
    [InlineData("insured exactly 70% of the reported workforce")]
    [InlineData("workforce under 10 with nobody insured")]
    [InlineData("accident with one serious injury not declared")]
    [InlineData("accident with one serious injury declared late")]
    [InlineData("accident with two serious injuries declared immediately")]
    [InlineData("two hours over a limit")]
    [InlineData("uptime exactly 90%")]
    [InlineData("uptime 98%")]
    [InlineData("discharge in the suspension month before the suspension date")]
    [InlineData("summary with no discharge during a suspension")]
    [InlineData("discharge while dissolved is not a suspension")]
    [InlineData("return missing but within ten days of its due date")]
    [InlineData("return missing for the month of registration")]
    [InlineData("return missing while suspended")]
    [InlineData("output VAT exactly 5% of revenue")]
    [InlineData("a dormant month: no revenue, no output VAT, nobody on the payroll")]
    [InlineData("revenue fell exactly 60%")]
    [InlineData("revenue collapsed while the insured workforce shrank")]
    [InlineData("revenue collapsed with fewer than three months before")]
    [InlineData("labour report missing but within ten days of its due date")]
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
                EnterpriseBuilder.CleanYear().Registration("dissolved", "2026-02-14").InactiveFrom("2026-03"),
            "suspended with no invoices after" =>
                EnterpriseBuilder.CleanYear().Registration("suspended", "2026-02-14").InactiveFrom("2026-02"),
            "dissolved with no invoices after" =>
                EnterpriseBuilder.CleanYear().Registration("dissolved", "2026-02-01").InactiveFrom("2026-02"),
            "active again after a suspension" => EnterpriseBuilder.CleanYear().Registration("active", "2026-05-01"),
            "labour report submitted on the due date" => EnterpriseBuilder.CleanYear().Workforce("2026-06", ("submittedOn", "2026-06-05")),
            "insured exactly 70% of the reported workforce" => EnterpriseBuilder.CleanYear().Contribution("2026-06", ("insuredHeadcount", "28")),
            "workforce under 10 with nobody insured" => EnterpriseBuilder.CleanYear()
                .Tax("2026-06", ("payrollHeadcount", "9"))
                .Workforce("2026-06", ("reportedWorkforce", "9"))
                .Contribution("2026-06", ("insuredHeadcount", "0")),
            "accident with one serious injury not declared" => EnterpriseBuilder.CleanYear().Accident("2026-03", 1, 0, "none"),
            "accident with one serious injury declared late" => EnterpriseBuilder.CleanYear().Accident("2026-03", 1, 0, "late"),
            "accident with two serious injuries declared immediately" => EnterpriseBuilder.CleanYear().Accident("2026-03", 2, 0, "immediate"),
            "two hours over a limit" => EnterpriseBuilder.CleanYear().Monitoring("2026-03", ("hoursOverLimit", "2"), ("codMax", "171")),
            "uptime exactly 90%" => EnterpriseBuilder.CleanYear().Monitoring("2026-03", ("uptimePercent", "90")),
            "uptime 98%" => EnterpriseBuilder.CleanYear().Monitoring("2026-03", ("uptimePercent", "98")),
            "discharge in the suspension month before the suspension date" =>
                EnterpriseBuilder.CleanYear().Registration("suspended", "2026-02-14").InactiveFrom("2026-03"),
            "summary with no discharge during a suspension" => EnterpriseBuilder.CleanYear()
                .Registration("suspended", "2026-02-14").InactiveFrom("2026-02")
                .Monitoring("2026-05", ("dischargeM3", "0")),
            "discharge while dissolved is not a suspension" => EnterpriseBuilder.CleanYear()
                .Registration("dissolved", "2026-02-01").InactiveFrom("2026-02")
                .Monitoring("2026-05", ("dischargeM3", "300")),
            // The October return was due on 20 November; ten days of grace run to 30 November.
            "return missing but within ten days of its due date" => EnterpriseBuilder.CleanYear().WithoutTax("2026-10"),
            "return missing for the month of registration" => EnterpriseBuilder.CleanYear().RegisteredOn("2026-01-10").WithoutTax("2026-01"),
            "return missing while suspended" => EnterpriseBuilder.CleanYear().Registration("suspended", "2026-02-14").InactiveFrom("2026-02").WithoutTax("2026-05"),
            "output VAT exactly 5% of revenue" => EnterpriseBuilder.CleanYear().Tax("2026-03", ("outputVat", "62500000")),
            "a dormant month: no revenue, no output VAT, nobody on the payroll" => EnterpriseBuilder.CleanYear()
                .Tax("2026-03", ("revenue", "0"), ("outputVat", "0"), ("invoicesIssued", "0"), ("payrollHeadcount", "0"))
                .Contribution("2026-03", ("insuredHeadcount", "0")),
            "revenue fell exactly 60%" => EnterpriseBuilder.CleanYear().Tax("2026-03", ("revenue", "500000000"), ("outputVat", "50000000")),
            "revenue collapsed while the insured workforce shrank" => EnterpriseBuilder.CleanYear()
                .Tax("2026-03", ("revenue", "300000000"), ("outputVat", "30000000"))
                .Contribution("2026-03", ("insuredHeadcount", "37")),
            "revenue collapsed with fewer than three months before" => EnterpriseBuilder.CleanYear(from: "2026-01", months: 3)
                .Tax("2026-03", ("revenue", "300000000"), ("outputVat", "30000000")),
            // The June report was due on 5 June; judged on 12 June, ten days of grace have not run out.
            "labour report missing but within ten days of its due date" => EnterpriseBuilder.CleanYear(from: "2026-01", months: 6).WithoutWorkforce("2026-06"),
            _ => throw new ArgumentOutOfRangeException(nameof(situation)),
        };

        var asOf = situation == "labour report missing but within ten days of its due date" ? new DateOnly(2026, 6, 12) : AsOf;
        Assert.Empty(pack.Evaluate(enterprise.Build(), asOf));
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

    [Fact]
    public void Violations_across_the_labour_and_environment_registries_each_raise_their_own_hit()
    {
        var enterprise = EnterpriseBuilder.CleanYear()
            .Workforce("2026-06", ("submittedOn", "2026-06-19"), ("reportedWorkforce", "60"))
            .Accident("2026-08", seriousInjuries: 3, fatalities: 0, declaration: "none")
            .Accident("2026-08", seriousInjuries: 1, fatalities: 0, declaration: "none")
            .Monitoring("2026-02", ("hoursOverLimit", "3"), ("uptimePercent", "88"))
            .Monitoring("2026-10", ("hoursOverLimit", "11"));

        var hits = pack.Evaluate(enterprise.Build(), AsOf);

        // 38 insured of 60 reported is 63.3%: below 70% of the workforce, though 95% of the payroll.
        Assert.Equal(
            [
                ("LABOUR-REPORT-LATE", "2026-06"), ("LABOUR-WORKFORCE-NOT-INSURED", "2026-06"), ("LABOUR-ACCIDENT-NOT-DECLARED", "2026-08"),
                ("ENV-PARAMETER-OVER-LIMIT", "2026-02"), ("ENV-PARAMETER-OVER-LIMIT", "2026-10"), ("ENV-TRANSMISSION-GAP", "2026-02"),
            ],
            hits.Select(hit => (hit.RuleId, hit.Period)));
        Assert.Equal(["ACC-0314409058-2026-08-1@v1"], hits[2].RecordReferences);
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
            // Workforce reports are due on day 5 of June and December.
            "LABOUR-REPORT-LATE" => builder.Workforce(period, ("submittedOn", Records.Date(Records.PeriodStart(period).AddDays(11)))),
            // 25 of 40 is 62.5%: below 70% of the reported workforce, yet not below half the payroll.
            "LABOUR-WORKFORCE-NOT-INSURED" => builder.Contribution(period, ("insuredHeadcount", "25")),
            "LABOUR-ACCIDENT-NOT-DECLARED" => builder.Accident(period, seriousInjuries: 1, fatalities: 1, declaration: "late"),
            "ENV-PARAMETER-OVER-LIMIT" => builder.Monitoring(period, ("hoursOverLimit", "4"), ("codMax", "212")),
            "ENV-TRANSMISSION-GAP" => builder.Monitoring(period, ("uptimePercent", "84.5")),
            "ENV-DISCHARGE-DURING-SUSPENSION" => builder
                .Registration("suspended", Records.Date(Records.PeriodStart(period).AddMonths(-1).AddDays(13)))
                .InactiveFrom(Records.Month(Records.PeriodStart(period).AddMonths(-1)))
                .Monitoring(period, ("dischargeM3", "850")),
            "TAX-RETURN-MISSING" => builder.WithoutTax(period),
            // 30 million of output VAT on 1.25 billion of revenue is 2.4%.
            "TAX-OUTPUT-VAT-UNDERDECLARED" => builder.Tax(period, ("outputVat", "30000000")),
            // 300 million against 1.25 billion a month before is a fall of 76%, with the 38 insured as before.
            "TAX-REVENUE-COLLAPSE-WITH-STAFF" => builder.Tax(period, ("revenue", "300000000"), ("outputVat", "30000000")),
            "LABOUR-REPORT-MISSING" => builder.WithoutWorkforce(period),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId)),
        };
    }

    // The status change a month before the planted period; invoices before the change are lawful.
    private static EnterpriseBuilder WithInvoicesOnlyIn(EnterpriseBuilder builder, string period)
    {
        var statusMonth = Records.Month(Records.PeriodStart(period).AddMonths(-1));
        return builder.InactiveFrom(statusMonth).Tax(period, ("invoicesIssued", "7"));
    }
}
