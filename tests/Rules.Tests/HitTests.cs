using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class HitTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void Hit_carries_the_values_the_rule_read_and_computed()
    {
        var hit = Single(EnterpriseBuilder.CleanYear().Tax("2026-03", ("filedOn", "2026-04-25")));

        Assert.Equal(
            new Dictionary<string, string> { ["tax.filedOn"] = "2026-04-25", ["tax.dueDate"] = "2026-04-20", ["daysLate"] = "5" },
            hit.Values);
        Assert.Equal(["TAX-0314409058-2026-03@v1"], hit.RecordReferences);
    }

    [Fact]
    public void Hit_carries_the_rule_identity_title_and_legal_basis()
    {
        var hit = Single(EnterpriseBuilder.CleanYear().Contribution("2026-03", ("monthsInArrears", "2")));
        var rule = pack.Rules.Single(r => r.Id == "BHXH-ARREARS");

        Assert.Equal((rule.Id, rule.Version, RuleSeverity.High), (hit.RuleId, hit.RuleVersion, hit.Severity));
        Assert.Equal((rule.Title.Vi, rule.Title.En), (hit.TitleVi, hit.TitleEn));
        Assert.Equal("Chậm đóng bảo hiểm xã hội từ 2 tháng trở lên", hit.TitleVi);
        Assert.Equal(rule.LegalBasis, hit.LegalBasis);
        Assert.Contains("41/2024/QH15", hit.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_record_is_referenced_when_the_rule_reads_it()
    {
        var hit = Single(ShippedPackTests.Planted("TAX-INVOICES-AFTER-DISSOLUTION", "2026-03"));

        Assert.Equal(["TAX-0314409058-2026-03@v1", "REG-0314409058@v2"], hit.RecordReferences);
        Assert.Equal("dissolved", hit.Values["registration.status"]);
        Assert.Equal("2026-02-14", hit.Values["registration.statusSince"]);
        Assert.Equal("2026-03-01", hit.Values["tax.periodStart"]);
        Assert.Equal("7", hit.Values["tax.invoicesIssued"]);
    }

    [Fact]
    public void Only_the_latest_version_of_a_record_is_judged()
    {
        var late = Records.VatReturn("2026-03").With(("filedOn", "2026-04-25"));
        var corrected = Records.VatReturn("2026-03", version: 2);

        Assert.Empty(pack.Evaluate(new EnterpriseFacts(Records.Code, [late, corrected]), AsOf));

        var hit = Assert.Single(pack.Evaluate(new EnterpriseFacts(Records.Code, [corrected with { Version = 1 }, late with { Version = 2 }]), AsOf));
        Assert.Equal(["TAX-0314409058-2026-03@v2"], hit.RecordReferences);
    }

    [Fact]
    public void Explanation_is_rendered_in_vietnamese_and_english()
    {
        var hit = Single(EnterpriseBuilder.CleanYear().Tax("2026-03", ("filedOn", "2026-04-25")));

        Assert.Equal("Tờ khai thuế GTGT kỳ 03/2026 được nộp ngày 25/04/2026, chậm 5 ngày so với hạn nộp 20/04/2026.", hit.ExplanationVi);
        Assert.Equal("The VAT return for March 2026 was filed on 2026-04-25, 5 days after its due date of 2026-04-20.", hit.ExplanationEn);
    }

    [Fact]
    public void Explanation_formats_money_and_ratios_per_language()
    {
        var arrears = Single(EnterpriseBuilder.CleanYear().Contribution("2026-03", ("monthsInArrears", "2"), ("contributionPaid", "0")));
        var belowPayroll = Single(EnterpriseBuilder.CleanYear().Contribution("2026-03", ("insuredHeadcount", "15")));

        Assert.Equal(
            "Cuối kỳ 03/2026, đơn vị đã chậm đóng bảo hiểm xã hội 2 tháng liên tiếp; số phải đóng trong tháng là 182.400.000 đồng, đã đóng 0 đồng.",
            arrears.ExplanationVi);
        Assert.Contains("VND 182,400,000 was due for the month and VND 0 was paid.", arrears.ExplanationEn, StringComparison.Ordinal);
        Assert.Equal("37.5", belowPayroll.Values["insuredPercent"]);
        Assert.Contains("trong khi bảng lương khấu trừ thuế TNCN có 40 người (37,5%, dưới ngưỡng 50%)", belowPayroll.ExplanationVi, StringComparison.Ordinal);
        Assert.Contains("had 40 (37.5%, below the 50% threshold)", belowPayroll.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_is_stable_for_the_same_rule_enterprise_and_records()
    {
        var facts = EnterpriseBuilder.CleanYear().Tax("2026-03", ("filedOn", "2026-04-25")).Build();
        var first = Assert.Single(pack.Evaluate(facts, AsOf));
        var again = Assert.Single(RulePack.Load(ShippedJson()).Evaluate(facts, new DateOnly(2027, 1, 15)));

        Assert.Equal(first.FingerprintFor(Records.Code), again.FingerprintFor(Records.Code));
        Assert.Matches("^[0-9a-f]{64}$", first.FingerprintFor(Records.Code));
        Assert.Equal(
            first.FingerprintFor(Records.Code),
            (first with { RecordReferences = [.. first.RecordReferences.Reverse()] }).FingerprintFor(Records.Code));
    }

    [Fact]
    public void Fingerprint_differs_by_rule_version_enterprise_and_record_version()
    {
        var hit = Single(ShippedPackTests.Planted("TAX-INVOICES-DURING-SUSPENSION", "2026-03"));
        var fingerprint = hit.FingerprintFor(Records.Code);

        string[] others =
        [
            hit.FingerprintFor("0100109106"),
            (hit with { RuleVersion = 2 }).FingerprintFor(Records.Code),
            (hit with { RuleId = "TAX-INVOICES-AFTER-DISSOLUTION" }).FingerprintFor(Records.Code),
            (hit with { RecordReferences = ["TAX-0314409058-2026-03@v2", "REG-0314409058@v2"] }).FingerprintFor(Records.Code),
        ];

        Assert.DoesNotContain(fingerprint, others);
        Assert.Equal(others.Length, others.Distinct().Count());
    }

    [Fact]
    public void Two_hits_of_one_rule_in_different_periods_have_distinct_fingerprints()
    {
        var facts = EnterpriseBuilder.CleanYear()
            .Tax("2026-02", ("overdueDays", "35"))
            .Tax("2026-03", ("overdueDays", "66"))
            .Build();

        var hits = pack.Evaluate(facts, AsOf);

        Assert.Equal(2, hits.Select(hit => hit.FingerprintFor(Records.Code)).Distinct().Count());
    }

    private RuleHit Single(EnterpriseBuilder enterprise) => Assert.Single(pack.Evaluate(enterprise.Build(), AsOf));

    private static string ShippedJson()
    {
        using var stream = typeof(RulePack).Assembly.GetManifestResourceStream("Inspection.Rules.Packs.core.rules.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
