using System.Globalization;
using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class ValidityTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack shipped = RulePack.LoadShipped();

    [Fact]
    public void Late_return_is_judged_by_the_version_in_force_in_its_period()
    {
        var facts = EnterpriseBuilder.CleanYear()
            .Tax("2026-06", ("filedOn", "2026-07-22"))
            .Tax("2026-07", ("filedOn", "2026-08-24"))
            .Build();

        var hits = shipped.Evaluate(facts, AsOf);

        Assert.Equal([("2026-06", 1), ("2026-07", 2)], hits.Select(hit => (hit.Period, hit.RuleVersion)));
        Assert.All(hits, hit => Assert.Equal("TAX-LATE-FILING", hit.RuleId));
        Assert.Contains("38/2019/QH14", hits[0].LegalBasis, StringComparison.Ordinal);
        Assert.Contains("252/2026", hits[1].LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_before_the_rule_came_into_force_raises_no_hit()
    {
        // Law 41/2024/QH15 applies from 01/07/2025: June 2025 arrears fall under the earlier law.
        var facts = EnterpriseBuilder.CleanYear(from: "2025-06", months: 2)
            .Contribution("2025-06", ("monthsInArrears", "3"))
            .Contribution("2025-07", ("monthsInArrears", "4"))
            .Build();

        var hit = Assert.Single(shipped.Evaluate(facts, AsOf));
        Assert.Equal(("BHXH-ARREARS", "2025-07"), (hit.RuleId, hit.Period));
    }

    [Fact]
    public void Rule_not_yet_in_force_on_the_assessment_date_raises_no_hit()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", validFrom: "2026-03-01"));
        var facts = EnterpriseBuilder.CleanYear().Tax("2026-03", ("overdueDays", "40")).Build();

        Assert.Empty(pack.Evaluate(facts, new DateOnly(2026, 2, 28)));
        Assert.Single(pack.Evaluate(facts, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Replaced_version_still_judges_the_periods_it_covered()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", validTo: "2026-03-31"));
        var facts = EnterpriseBuilder.CleanYear()
            .Tax("2026-03", ("overdueDays", "40"))
            .Tax("2026-04", ("overdueDays", "40"))
            .Build();

        var hit = Assert.Single(pack.Evaluate(facts, AsOf));
        Assert.Equal("2026-03", hit.Period);
    }

    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", false)]
    public void Record_without_a_period_is_judged_on_the_assessment_date(string asOf, bool fires)
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ "==": ["reg.sector", { "text": "manufacturing" }] }""",
            source: TestPacks.RegistrationSource,
            validFrom: "2026-01-01",
            validTo: "2026-06-30"));

        var hits = pack.Evaluate(EnterpriseBuilder.CleanYear().Build(), DateOnly.Parse(asOf, CultureInfo.InvariantCulture));

        Assert.Equal(fires, hits.Count == 1);
        Assert.All(hits, hit => Assert.Null(hit.Period));
    }

    [Fact]
    public void Workforce_reports_before_the_social_insurance_law_are_not_judged_against_insurance()
    {
        // Law 41/2024/QH15 applies from 01/07/2025: the H1 2025 report (period 2025-06) falls under the
        // earlier law, the H2 2025 report (period 2025-12) under the new one. 20 of 40 is exactly half the
        // payroll, so only the 70% workforce rule can fire.
        var facts = EnterpriseBuilder.CleanYear(from: "2025-06", months: 7)
            .Contribution("2025-06", ("insuredHeadcount", "20"))
            .Contribution("2025-12", ("insuredHeadcount", "20"))
            .Build();

        var hit = Assert.Single(shipped.Evaluate(facts, AsOf));

        Assert.Equal(("LABOUR-WORKFORCE-NOT-INSURED", "2025-12"), (hit.RuleId, hit.Period));
    }

    [Theory]
    [InlineData("LABOUR-REPORT-LATE", "2021-02-01")]
    [InlineData("LABOUR-WORKFORCE-NOT-INSURED", "2025-07-01")]
    [InlineData("LABOUR-ACCIDENT-NOT-DECLARED", "2016-07-01")]
    [InlineData("ENV-PARAMETER-OVER-LIMIT", "2022-01-01")]
    [InlineData("ENV-TRANSMISSION-GAP", "2022-01-10")]
    [InlineData("ENV-DISCHARGE-DURING-SUSPENSION", "2022-01-01")]
    public void New_rules_are_open_ended_from_the_date_their_basis_applies(string ruleId, string validFrom)
    {
        var rule = Assert.Single(shipped.Rules, rule => rule.Id == ruleId);

        Assert.Equal((DateOnly.Parse(validFrom, CultureInfo.InvariantCulture), (DateOnly?)null), (rule.ValidFrom, rule.ValidTo));
    }

    [Fact]
    public void Accident_is_judged_by_the_month_it_happened()
    {
        var pack = TestPacks.Load(
            TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }"""),
            """
            {
              "id": "ACCIDENT-TEST", "version": 1, "validFrom": "2026-04-01", "severity": "high",
              "title": { "vi": "Thử", "en": "Test" }, "legalBasis": "Test basis",
              "explanation": { "vi": "{period}", "en": "{period}" },
              "for": { "as": "acc", "registry": "labour", "kind": "accident-report" },
              "when": { ">=": [{ "+": ["acc.seriousInjuries", "acc.fatalities"] }, 2] }
            }
            """);
        var facts = EnterpriseBuilder.CleanYear()
            .Accident("2026-03", seriousInjuries: 2, fatalities: 0, declaration: "none")
            .Accident("2026-04", seriousInjuries: 2, fatalities: 0, declaration: "none")
            .Build();

        var hit = Assert.Single(pack.Evaluate(facts, AsOf));
        Assert.Equal(("ACCIDENT-TEST", "2026-04"), (hit.RuleId, hit.Period));
    }
}
