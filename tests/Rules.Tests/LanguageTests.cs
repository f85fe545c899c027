using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>The rule language on small inline packs: operators, types, unknown values, computed values.</summary>
public class LanguageTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    [Theory]
    [InlineData("2026-04-21", true)]
    [InlineData("2026-04-20", false)]
    [InlineData(null, false)]
    [InlineData("21/04/2026", false)]
    public void Negation_never_turns_a_missing_value_into_a_hit(string? filedOn, bool fires)
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ "not": { "<=": ["tax.filedOn", "tax.dueDate"] } }"""));

        Assert.Equal(fires, Evaluate(pack, EnterpriseBuilder.CleanYear().Tax("2026-03", ("filedOn", filedOn))).Count == 1);
    }

    [Theory]
    [InlineData("==", "2026-04-25", true)]
    [InlineData("==", "2026-04-20", false)]
    [InlineData("==", null, false)]
    [InlineData("!=", "2026-04-20", true)]
    [InlineData("!=", "2026-04-25", false)]
    [InlineData("!=", null, false)]
    public void Negated_equality_holds_only_on_known_values(string op, string? filedOn, bool fires)
    {
        // The return's due date is 2026-04-20: "not ==" fires on a known, different date; "not !=" on the same one.
        var pack = TestPacks.Load(TestPacks.Rule($$"""{ "not": { "{{op}}": ["tax.filedOn", "tax.dueDate"] } }"""));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Tax("2026-03", ("filedOn", filedOn));

        Assert.Equal(fires, Evaluate(pack, enterprise).Count == 1);
    }

    [Theory]
    [InlineData("2028-02-29", true)]
    [InlineData("2030-12-31", true)]
    [InlineData("2030-02-29", false)]
    [InlineData("2030-04-31", false)]
    [InlineData("2030-13-01", false)]
    [InlineData("2030-00-10", false)]
    [InlineData("2030-4-211", false)]
    [InlineData("2030/04/21", false)]
    [InlineData("２０３０-04-21", false)]
    [InlineData("2030-04-21 ", false)]
    public void Only_real_calendar_days_in_yyyy_MM_dd_are_dates(string filedOn, bool fires)
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": ["tax.filedOn", { "date": "2027-12-31" }] }"""));

        Assert.Equal(fires, Evaluate(pack, EnterpriseBuilder.CleanYear().Tax("2026-03", ("filedOn", filedOn))).Count == 1);
    }

    [Theory]
    [InlineData("0", "9", true)]
    [InlineData(null, "9", true)]
    [InlineData("5", null, true)]
    [InlineData(null, "0", false)]
    [InlineData("0", "0", false)]
    public void Any_fires_on_one_true_branch_even_when_another_is_unknown(string? overdueDays, string? payroll, bool fires)
    {
        var pack = TestPacks.Load(TestPacks.Rule("""
            { "any": [ { ">": ["tax.overdueDays", 0] }, { ">": ["tax.payrollHeadcount", 0] } ] }
            """));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1)
            .Tax("2026-03", ("overdueDays", overdueDays), ("payrollHeadcount", payroll));

        Assert.Equal(fires, Evaluate(pack, enterprise).Count == 1);
    }

    [Fact]
    public void Text_and_date_literals_compare_with_fields_of_their_type()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""
            { "all": [
              { "==": ["registration.sector", { "text": "manufacturing" }] },
              { "!=": ["registration.status", { "text": "dissolved" }] },
              { "<": ["tax.periodStart", { "date": "2026-02-01" }] }
            ] }
            """));

        var hits = Evaluate(pack, EnterpriseBuilder.CleanYear());

        Assert.Equal(["2025-12", "2026-01"], hits.Select(hit => hit.Period));
    }

    [Fact]
    public void Text_literals_judge_alike_in_every_pack_that_has_them()
    {
        // Each pack compiles its literals into code of its own: a second pack with the same literals, loaded
        // from its own JSON, judges its records as the first does, in whichever order they are used.
        var rule = TestPacks.Rule("""{ "all": [{ "==": ["registration.status", { "text": "winding-up" }] }, { "!=": ["registration.status", { "text": "active" }] }] }""");
        var (first, second) = (TestPacks.Load(rule), TestPacks.Load(rule));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Registration("winding-up", "2026-01-01");
        var active = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1);

        Assert.All(new[] { second, first, second }, pack =>
        {
            Assert.Single(Evaluate(pack, enterprise));
            Assert.Empty(Evaluate(pack, active));
        });
    }

    [Theory]
    [InlineData("40", true)]
    [InlineData("50", false)]
    [InlineData("0", false)]
    [InlineData("forty", false)]
    public void Arithmetic_on_unknown_or_zero_divisors_is_unknown(string payroll, bool fires)
    {
        // Revenue of 1,250,000,000 is 31,250,000 per head with 40 employees and 25,000,000 with 50.
        var pack = TestPacks.Load(TestPacks.Rule("""
            { "all": [
              { "<": [{ "/": ["tax.revenue", "tax.payrollHeadcount"] }, { "*": [0.04, 1000000000] }] },
              { ">": [{ "/": ["tax.revenue", "tax.payrollHeadcount"] }, { "+": [26000000, 1] }] }
            ] }
            """));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Tax("2026-03", ("payrollHeadcount", payroll));

        Assert.Equal(fires, Evaluate(pack, enterprise).Count == 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(-2)]
    [InlineData(0)]
    public void Months_from_a_period_start_are_the_same_date_as_from_the_start_field(int months)
    {
        // periodStart is worked out from the month number; the field's date is taken apart into year, month and day.
        var pack = TestPacks.Load(TestPacks.Rule($$"""
            { "==": [{ "addMonths": [{ "periodStart": "tax" }, {{months}}] }, { "addMonths": ["tax.periodStart", {{months}}] }] }
            """));

        Assert.Equal(12, Evaluate(pack, EnterpriseBuilder.CleanYear()).Count);
    }

    [Theory]
    [InlineData("1699-11")]
    [InlineData("1899-11")]
    [InlineData("1999-11")]
    [InlineData("2023-11")]
    public void A_period_start_counts_the_days_of_leap_years_and_centuries_as_the_calendar_does(string from)
    {
        // Around a February of a common century year (1700, 1900), a leap century year (2000) and an
        // ordinary leap year (2024); the field's date is read by the calendar, the period's start counted.
        var pack = TestPacks.Load(TestPacks.Rule(
            """
            { "all": [
              { "==": [{ "periodStart": "tax" }, "tax.periodStart"] },
              { "==": [{ "addMonths": [{ "periodStart": "tax" }, 13] }, { "addMonths": ["tax.periodStart", 13] }] }
            ] }
            """,
            validFrom: "1600-01-01"));

        Assert.Equal(14, Evaluate(pack, EnterpriseBuilder.CleanYear(from: from, months: 14)).Count);
    }

    [Fact]
    public void Months_past_the_calendar_are_unknown()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""
            { "any": [
              { ">": [{ "addMonths": [{ "date": "9999-11-15" }, 2] }, { "date": "2026-01-01" }] },
              { "<": [{ "addMonths": [{ "date": "0001-02-15" }, -2] }, { "date": "2026-01-01" }] }
            ] }
            """));

        Assert.Empty(Evaluate(pack, EnterpriseBuilder.CleanYear()));
    }

    [Theory]
    [InlineData("2026-05-01", true)]
    [InlineData("2026-04-30", false)]
    public void Days_counts_the_days_from_one_date_to_another(string filedOn, bool fires)
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": [{ "days": ["tax.dueDate", "tax.filedOn"] }, 10] }"""));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Tax("2026-03", ("filedOn", filedOn));

        Assert.Equal(fires, Evaluate(pack, enterprise).Count == 1);
    }

    [Fact]
    public void Computed_values_and_template_fields_join_the_hit_values()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ ">": ["tax.overdueDays", 30] }""",
            explanationVi: "{registration.name}: nợ {tax.overdueDays} ngày, doanh thu {revenueBn} tỷ đồng",
            explanationEn: "{registration.name}: {tax.overdueDays} days, revenue VND {revenueBn} bn",
            extra: """ "compute": { "revenueBn": { "/": ["tax.revenue", 1000000000] } }, """));

        var hit = Assert.Single(Evaluate(pack, EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Tax("2026-03", ("overdueDays", "31"))));

        Assert.Equal(["tax.overdueDays", "tax.revenue", "registration.name", "revenueBn"], hit.Values.Keys);
        Assert.Equal("1.25", hit.Values["revenueBn"]);
        Assert.Equal("Công ty TNHH Cơ khí Sài Gòn: nợ 31 ngày, doanh thu 1,25 tỷ đồng", hit.ExplanationVi);
        Assert.Equal("Công ty TNHH Cơ khí Sài Gòn: 31 days, revenue VND 1.25 bn", hit.ExplanationEn);
        Assert.Equal(["TAX-0314409058-2026-03@v1", "REG-0314409058@v1"], hit.RecordReferences);
    }

    [Fact]
    public void Rule_reading_the_registration_is_silent_without_one()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", explanationVi: "{registration.name}"));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Tax("2026-03", ("overdueDays", "31"));

        Assert.Single(Evaluate(pack, enterprise));
        Assert.Empty(Evaluate(pack, enterprise.WithoutRegistration()));
    }

    [Fact]
    public void Rule_not_reading_the_registration_does_not_reference_it()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }"""));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Tax("2026-03", ("overdueDays", "31"));

        var hit = Assert.Single(Evaluate(pack, enterprise));

        Assert.Equal(["TAX-0314409058-2026-03@v1"], hit.RecordReferences);
        Assert.Equal("Kỳ 03/2026", hit.ExplanationVi);
        Assert.Equal("Period March 2026", hit.ExplanationEn);
    }

    [Fact]
    public void Rule_may_join_several_registries()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ "all": [{ ">": ["tax.overdueDays", 0] }, { ">": ["bhxh.monthsInArrears", 0] }] }""",
            source: """{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution" }""",
            extra: """ "join": [{ "as": "tax", "registry": "tax", "kind": "vat-return" }], """));
        var enterprise = EnterpriseBuilder.CleanYear()
            .Tax("2026-03", ("overdueDays", "5"))
            .Contribution("2026-03", ("monthsInArrears", "1"))
            .Contribution("2026-04", ("monthsInArrears", "1"));

        var hit = Assert.Single(Evaluate(pack, enterprise));

        Assert.Equal(["BHXH-0314409058-2026-03@v1", "TAX-0314409058-2026-03@v1"], hit.RecordReferences);
    }

    [Theory]
    [InlineData("2026-03", "6 tháng đầu năm 2026 (03/2026)", "H1 2026 (March 2026)")]
    [InlineData("2026-06", "6 tháng đầu năm 2026 (06/2026)", "H1 2026 (June 2026)")]
    [InlineData("2026-07", "6 tháng cuối năm 2026 (07/2026)", "H2 2026 (July 2026)")]
    [InlineData("2025-12", "6 tháng cuối năm 2025 (12/2025)", "H2 2025 (December 2025)")]
    public void Period_placeholder_can_name_the_half_year(string period, string vi, string en)
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ ">": ["tax.overdueDays", 30] }""", explanationVi: "{period:half} ({period})", explanationEn: "{period:half} ({period})"));

        var hit = Assert.Single(Evaluate(pack, EnterpriseBuilder.CleanYear().Tax(period, ("overdueDays", "31"))));

        Assert.Equal((vi, en), (hit.ExplanationVi, hit.ExplanationEn));
    }

    [Fact]
    public void Period_start_of_a_record_compares_with_dates()
    {
        // A summary-like rule with no date field of its own: judged by the first day of its period.
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ ">=": [{ "periodStart": "bhxh" }, { "date": "2026-10-01" }] }""",
            source: """{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution" }"""));

        var hits = Evaluate(pack, EnterpriseBuilder.CleanYear());

        Assert.Equal(["2026-10", "2026-11"], hits.Select(hit => hit.Period));
        Assert.All(hits, hit => Assert.Empty(hit.Values));
    }

    [Fact]
    public void Period_start_of_a_joined_record_is_its_own_period()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ "all": [{ "==": [{ "periodStart": "bhxh" }, "tax.periodStart"] }, { ">": ["tax.overdueDays", 0] }] }""",
            extra: """ "join": [{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution" }], """));

        var hit = Assert.Single(Evaluate(pack, EnterpriseBuilder.CleanYear().Tax("2026-04", ("overdueDays", "3"))));

        Assert.Equal("2026-04", hit.Period);
    }

    [Fact]
    public void Period_start_of_a_record_without_a_period_is_unknown()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ "not": { "<": [{ "periodStart": "reg" }, { "date": "1900-01-01" }] } }""",
            source: TestPacks.RegistrationSource));

        Assert.Empty(Evaluate(pack, EnterpriseBuilder.CleanYear()));
    }

    [Theory]
    [InlineData("1", "1", "late", true)]
    [InlineData("2", "0", "none", true)]
    [InlineData("2", "0", "immediate", false)]
    [InlineData("1", "0", "none", false)]
    [InlineData("2", null, "none", false)]
    [InlineData("2", "0", null, false)]
    public void Sum_of_fields_and_text_inequality_judge_accidents(string? seriousInjuries, string? fatalities, string? declaration, bool fires)
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """
            { "all": [
              { ">=": [{ "+": ["acc.seriousInjuries", "acc.fatalities"] }, 2] },
              { "!=": ["acc.declaration", { "text": "immediate" }] }
            ] }
            """,
            source: """{ "as": "acc", "registry": "labour", "kind": "accident-report" }"""));
        var accident = Records.AccidentReport("2026-03", 0, 0, "none")
            .With(("seriousInjuries", seriousInjuries), ("fatalities", fatalities), ("declaration", declaration));

        Assert.Equal(fires, pack.Evaluate(new EnterpriseFacts(Records.Code, [accident]), AsOf).Count == 1);
    }

    private static IReadOnlyList<RuleHit> Evaluate(RulePack pack, EnterpriseBuilder enterprise) => pack.Evaluate(enterprise.Build(), AsOf);
}
