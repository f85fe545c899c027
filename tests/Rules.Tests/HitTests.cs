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
    public void Hits_come_in_pack_order_then_by_period_when_rules_walk_the_same_records()
    {
        // Both rules are driven by the VAT returns: each rule's hits come together, by period, in the rules' order.
        var rules = TestPacks.Load(
            TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", id: "TEST-OVERDUE"),
            TestPacks.Rule("""{ ">": ["tax.filedOn", "tax.dueDate"] }""", id: "TEST-LATE"));
        var enterprise = EnterpriseBuilder.CleanYear()
            .Tax("2026-02", ("filedOn", "2026-03-25"))
            .Tax("2026-03", ("overdueDays", "40"), ("filedOn", "2026-04-25"))
            .Tax("2026-05", ("overdueDays", "45"));

        var hits = rules.Evaluate(enterprise.Build(), AsOf);

        Assert.Equal(
            [("TEST-OVERDUE", "2026-03"), ("TEST-OVERDUE", "2026-05"), ("TEST-LATE", "2026-02"), ("TEST-LATE", "2026-03")],
            hits.Select(hit => (hit.RuleId, hit.Period!)));
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

    [Theory]
    [InlineData("1250000000", "1.250.000.000", "1,250,000,000")]
    [InlineData("-1250", "-1.250", "-1,250")]
    [InlineData("-0", "0", "0")]
    [InlineData("0.456", "0,46", "0.46")]
    [InlineData("12345.5", "12.345,5", "12,345.5")]
    [InlineData("999999999999999", "999.999.999.999.999", "999,999,999,999,999")]
    public void Explanation_groups_whole_numbers_and_rounds_others_to_two_decimals_per_language(string revenue, string vi, string en)
    {
        var numbers = TestPacks.Load(TestPacks.Rule(
            """{ ">": ["tax.invoicesIssued", 0] }""", explanationVi: "Doanh thu {tax.revenue}", explanationEn: "Revenue {tax.revenue}"));
        var hit = Assert.Single(numbers.Evaluate(new EnterpriseFacts(Records.Code, [Records.VatReturn("2026-03").With(("revenue", revenue))]), AsOf));

        Assert.Equal($"Doanh thu {vi}", hit.ExplanationVi);
        Assert.Equal($"Revenue {en}", hit.ExplanationEn);
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

    [Theory]
    [InlineData(
        "LABOUR-REPORT-LATE", "2026-06",
        "Báo cáo tình hình thay đổi lao động 6 tháng đầu năm 2026 được nộp ngày 12/06/2026, chậm 7 ngày so với hạn nộp 05/06/2026.",
        "The labour-change report for H1 2026 was submitted on 2026-06-12, 7 days after its due date of 2026-06-05.")]
    [InlineData(
        "LABOUR-WORKFORCE-NOT-INSURED", "2025-12",
        "Báo cáo tình hình thay đổi lao động 6 tháng cuối năm 2025 kê khai 40 người lao động, nhưng tháng 12/2025 chỉ có 25 người tham gia bảo hiểm xã hội (62,5%, dưới ngưỡng 70%).",
        "The labour-change report for H2 2025 declares a workforce of 40, but only 25 workers were socially insured in December 2025 (62.5%, below the 70% threshold).")]
    [InlineData(
        "LABOUR-ACCIDENT-NOT-DECLARED", "2026-03",
        "Vụ tai nạn lao động ngày 12/03/2026 có 2 người lao động bị chết hoặc bị thương nặng (1 người chết, 1 người bị thương nặng) nhưng không được khai báo ngay với cơ quan quản lý nhà nước về lao động cấp tỉnh.",
        "The occupational accident of 2026-03-12 killed or seriously injured 2 workers (1 killed, 1 seriously injured), but it was not declared immediately to the provincial labour authority.")]
    [InlineData(
        "ENV-PARAMETER-OVER-LIMIT", "2026-03",
        "Tháng 03/2026, trạm quan trắc nước thải tự động 79-NT-0412 ghi nhận 4 giờ có thông số vượt giới hạn cho phép (ngưỡng cảnh báo: 3 giờ). COD cao nhất 212 mg/L (giới hạn 150 mg/L); TSS cao nhất 48 mg/L (giới hạn 100 mg/L).",
        "In March 2026 the automatic wastewater monitoring station 79-NT-0412 recorded 4 hours with a parameter above its limit (warning threshold: 3 hours). Highest COD 212 mg/L (limit 150 mg/L); highest TSS 48 mg/L (limit 100 mg/L).")]
    [InlineData(
        "ENV-TRANSMISSION-GAP", "2026-03",
        "Tháng 03/2026, trạm quan trắc nước thải tự động 79-NT-0412 chỉ truyền dữ liệu trong 84,5% số giờ (ngưỡng: 90%). Đây là gián đoạn truyền dữ liệu, không phải vượt giới hạn xả thải, nhưng có thể vi phạm nghĩa vụ vận hành trạm và truyền dữ liệu quan trắc liên tục.",
        "In March 2026 the automatic wastewater monitoring station 79-NT-0412 transmitted data for only 84.5% of the hours (threshold: 90%). This is a transmission gap, not an exceedance of discharge limits, but it may breach the duty to operate the station and transmit its data continuously.")]
    [InlineData(
        "ENV-DISCHARGE-DURING-SUSPENSION", "2026-03",
        "Doanh nghiệp tạm ngừng kinh doanh từ ngày 14/02/2026, nhưng trạm quan trắc nước thải tự động 79-NT-0412 vẫn ghi nhận 850 m³ nước thải xả ra trong tháng 03/2026.",
        "The enterprise has been suspended since 2026-02-14, yet the automatic wastewater monitoring station 79-NT-0412 recorded 850 m³ of wastewater discharged in March 2026.")]
    public void New_rules_explain_their_hits_in_vietnamese_and_english(string ruleId, string period, string vi, string en)
    {
        var hit = Single(ShippedPackTests.Planted(ruleId, period));

        Assert.Equal(ruleId, hit.RuleId);
        Assert.Equal(vi, hit.ExplanationVi);
        Assert.Equal(en, hit.ExplanationEn);
    }

    [Fact]
    public void Accident_hit_carries_the_declaration_and_the_victim_count()
    {
        var hit = Single(EnterpriseBuilder.CleanYear().Accident("2026-03", seriousInjuries: 0, fatalities: 2, declaration: "none"));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["acc.seriousInjuries"] = "0", ["acc.fatalities"] = "2", ["acc.declaration"] = "none", ["acc.occurredOn"] = "2026-03-12", ["victims"] = "2",
            },
            hit.Values);
        Assert.Equal(RuleSeverity.Critical, hit.Severity);
        Assert.Equal(["ACC-0314409058-2026-03-1@v1"], hit.RecordReferences);
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
