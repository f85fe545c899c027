using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>Calendar rules: a row per month (or half year) the enterprise's records span, to find a record that should exist and does not.</summary>
public class CalendarTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    private const string MissingReturn = """
        { "all": [
          { "missing": "tax" },
          { "<": [{ "addDays": [{ "addMonths": [{ "periodStart": "m" }, 1] }, 19] }, { "asOf": {} }] }
        ] }
        """;

    private const string TaxJoin = """ "join": [{ "as": "tax", "registry": "tax", "kind": "vat-return", "optional": true }], """;

    private static readonly string MonthCalendar = """{ "as": "m", "every": "month" }""";

    [Fact]
    public void A_month_without_its_return_is_found_once_its_due_date_has_passed()
    {
        var pack = TestPacks.Load(TestPacks.Rule(MissingReturn, source: MonthCalendar, extra: TaxJoin));
        var enterprise = EnterpriseBuilder.CleanYear().WithoutTax("2026-03").WithoutTax("2026-11");

        var hit = Assert.Single(pack.Evaluate(enterprise.Build(), AsOf));

        // November is missing too, but its return is not due until 20 December.
        Assert.Equal("2026-03", hit.Period);
        Assert.Empty(hit.RecordReferences);
    }

    [Fact]
    public void A_record_is_found_missing_only_in_a_registry_read_to_its_end()
    {
        var pack = TestPacks.Load(TestPacks.Rule(MissingReturn, source: MonthCalendar, extra: TaxJoin));
        var facts = new FactSet(pack);
        foreach (var record in EnterpriseBuilder.CleanYear().WithoutTax("2026-03").Build().Records)
        {
            facts.Remember(record);
        }

        Assert.Empty(pack.Evaluate(facts, AsOf, new HashSet<string> { "social-insurance" }));
        Assert.Single(pack.Evaluate(facts, AsOf, new HashSet<string> { "social-insurance", "tax" }));
    }

    [Fact]
    public void A_calendar_rule_reading_the_registration_judges_only_once_business_registration_is_read_to_its_end_too()
    {
        // An enterprise that stopped filing because it was suspended: until the registration saying so has
        // arrived, the older one still says active, and judging then would flag returns nobody owed.
        const string WhileActive = """
            { "all": [
              { "missing": "tax" },
              { "==": ["registration.status", { "text": "active" }] },
              { "<": [{ "addDays": [{ "addMonths": [{ "periodStart": "m" }, 1] }, 19] }, { "asOf": {} }] }
            ] }
            """;
        var pack = TestPacks.Load(TestPacks.Rule(WhileActive, source: MonthCalendar, extra: TaxJoin));
        var facts = new FactSet(pack);
        foreach (var record in EnterpriseBuilder.CleanYear().WithoutTax("2026-03").Build().Records)
        {
            facts.Remember(record);
        }

        Assert.Equal(["tax", "business-registration"], pack.Rules.Single().Registries);
        Assert.Empty(pack.Evaluate(facts, AsOf, new HashSet<string> { "tax" }));
        Assert.Equal("2026-03", Assert.Single(pack.Evaluate(facts, AsOf, new HashSet<string> { "tax", "business-registration" })).Period);
    }

    [Fact]
    public void Months_outside_the_records_span_are_not_judged()
    {
        var pack = TestPacks.Load(TestPacks.Rule(MissingReturn, source: MonthCalendar, extra: TaxJoin));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 4).WithoutRegistration();

        Assert.Empty(pack.Evaluate(enterprise.Build(), AsOf));
    }

    [Fact]
    public void Last_keeps_only_the_latest_months()
    {
        var pack = TestPacks.Load(TestPacks.Rule(MissingReturn, source: """{ "as": "m", "every": "month", "last": 3 }""", extra: TaxJoin));
        var enterprise = EnterpriseBuilder.CleanYear().WithoutTax("2026-03").WithoutTax("2026-09");

        Assert.Equal(["2026-09"], pack.Evaluate(enterprise.Build(), AsOf).Select(h => h.Period));
    }

    [Fact]
    public void Half_years_are_june_and_december()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ "missing": "lab" }""",
            source: """{ "as": "h", "every": "half-year" }""",
            extra: """ "join": [{ "as": "lab", "registry": "labour", "kind": "workforce-report", "optional": true }], """));
        var enterprise = EnterpriseBuilder.CleanYear().WithoutWorkforce("2026-06");

        Assert.Equal(["2026-06"], pack.Evaluate(enterprise.Build(), AsOf).Select(h => h.Period));
    }

    [Fact]
    public void Missing_hits_of_two_months_have_two_fingerprints()
    {
        var pack = TestPacks.Load(TestPacks.Rule(MissingReturn, source: MonthCalendar, extra: TaxJoin));
        var hits = pack.Evaluate(EnterpriseBuilder.CleanYear().WithoutTax("2026-03").WithoutTax("2026-04").Build(), AsOf);

        Assert.Equal(2, hits.Select(h => h.FingerprintFor(Records.Code)).Distinct().Count());
    }

    [Fact]
    public void An_optional_join_that_finds_its_record_gives_the_row_with_it()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ "all": [{ "exists": "tax" }, { ">": ["tax.overdueDays", 30] }] }""", source: MonthCalendar, extra: TaxJoin));
        var hit = Assert.Single(pack.Evaluate(EnterpriseBuilder.CleanYear().Tax("2026-05", ("overdueDays", "45")).Build(), AsOf));

        Assert.Equal([$"TAX-{Records.Code}-2026-05@v1"], hit.RecordReferences);
    }

    [Fact]
    public void The_past_is_assessed_as_it_was_periods_after_the_assessment_date_are_not_judged()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }"""));
        var enterprise = EnterpriseBuilder.CleanYear().Tax("2026-02", ("overdueDays", "45")).Tax("2026-09", ("overdueDays", "60")).Build();

        Assert.Equal(["2026-02"], pack.Evaluate(enterprise, new DateOnly(2026, 6, 30)).Select(h => h.Period));
        Assert.Equal(["2026-02", "2026-09"], pack.Evaluate(enterprise, AsOf).Select(h => h.Period));
    }
}
