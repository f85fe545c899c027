using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>
/// What the flat layout of a <see cref="FactSet"/> (records by shape, then period, made again on every
/// change), the calendar periods shared by the whole process and the row each thread reuses must not
/// change: the hits.
/// </summary>
public class LayoutTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void A_record_remembered_after_an_evaluation_is_judged_by_the_next()
    {
        var facts = new FactSet(pack);
        foreach (var record in EnterpriseBuilder.CleanYear().Build().Records)
        {
            facts.Remember(record);
        }

        Assert.Empty(pack.Evaluate(facts, AsOf));

        facts.Remember(Records.VatReturn("2026-08", version: 2).With(("filedOn", "2026-09-25")));
        Assert.Equal(("TAX-LATE-FILING", 2, "2026-08"), pack.Evaluate(facts, AsOf).Select(h => (h.RuleId, h.RuleVersion, h.Period)).Single());

        facts.Remember(Records.VatReturn("2026-08", version: 3));
        Assert.Empty(pack.Evaluate(facts, AsOf));
    }

    [Fact]
    public void A_record_whose_period_is_unreadable_is_in_no_window_and_no_join()
    {
        var windowed = TestPacks.Load(TestPacks.Rule("""
            { "all": [
              { ">=": ["bhxh.insuredHeadcount", 0] },
              { "==": [{ "count": { "of": "tax", "last": 3 } }, 3] },
              { "==": [{ "sum": { "of": "tax.revenue", "last": 3 } }, 3750000000] }
            ] }
            """, source: """{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution" }""", extra: """ "join": [{ "as": "tax", "registry": "tax", "kind": "vat-return" }], """));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-01", months: 3).Build();
        var unreadable = new FactRecord("tax", "TAX-UNREADABLE", 1, "vat-return", "2026-0X", new Dictionary<string, string?> { ["revenue"] = "10" });

        var hits = windowed.Evaluate(new EnterpriseFacts(enterprise.EnterpriseCode, [.. enterprise.Records, unreadable]), AsOf);

        // March: three returns in its window, their revenues only; the unreadable one is joined to no contribution.
        Assert.Equal(["2026-03"], hits.Select(h => h.Period));
        Assert.DoesNotContain(hits, h => h.RecordReferences.Contains("TAX-UNREADABLE@v1"));
    }

    [Fact]
    public void Records_remembered_in_any_order_are_joined_and_windowed_by_period()
    {
        var enterprise = EnterpriseBuilder.CleanYear()
            .Tax("2026-06", ("revenue", "100"))
            .Contribution("2026-03", ("insuredHeadcount", "10"))
            .WithoutTax("2026-09")
            .Build();
        var forward = Evaluate(enterprise.Records);

        var backward = Evaluate(enterprise.Records.Reverse());

        Assert.NotEmpty(forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Evaluating_on_many_threads_judges_as_on_one()
    {
        var enterprises = Enumerable.Range(0, 400).Select(i => (i % 4) switch
        {
            0 => EnterpriseBuilder.CleanYear().WithoutTax($"2026-0{1 + (i % 9)}"),
            1 => EnterpriseBuilder.CleanYear().Registration("suspended", "2026-02-14"),
            2 => EnterpriseBuilder.CleanYear().WithoutWorkforce("2026-06").Tax("2026-05", ("filedOn", "2026-06-30")),
            _ => EnterpriseBuilder.CleanYear(from: $"2025-0{1 + (i % 9)}", months: 6),
        }).Select(builder => builder.Build()).ToList();
        var sets = enterprises.Select(enterprise =>
        {
            var facts = new FactSet(pack);
            foreach (var record in enterprise.Records)
            {
                facts.Remember(record);
            }

            return facts;
        }).ToList();
        var once = sets.Select(facts => Keys(pack.Evaluate(facts, AsOf))).ToList();

        var parallel = new List<(string RuleId, int Version, string? Period)>[sets.Count];
        Parallel.For(0, sets.Count * 10, i => parallel[i % sets.Count] = Keys(pack.Evaluate(sets[i % sets.Count], AsOf)));

        Assert.Contains(once, keys => keys.Any(key => key.RuleId == "TAX-RETURN-MISSING"));
        Assert.Contains(once, keys => keys.Any(key => key.RuleId == "LABOUR-REPORT-MISSING"));
        Assert.Equal(once, parallel);
    }

    [Theory]
    [InlineData("""{ "==": ["registration.status", { "text": "suspended" }] }""")]
    [InlineData("""{ ">=": ["bhxh.insuredHeadcount", 30] }""")]
    [InlineData("""{ ">": [{ "count": { "of": "bhxh", "last": 2, "skip": 1 } }, 1] }""")]
    [InlineData("""{ ">=": ["registration.statusSince", { "asOf": {} }] }""")]
    public void Parts_of_a_condition_tried_before_the_joins_judge_as_the_whole_condition(string first)
    {
        // The same condition, its parts once in a top-level 'all' (parts that read only the registration or
        // the driver are tried first) and once behind a double 'not' (tried only on whole rows).
        var parts = $$"""[{{first}}, { "<": ["bhxh.insuredHeadcount", "tax.payrollHeadcount"] }, { "missing": "lab" }]""";
        var joins = """
            "join": [
              { "as": "tax", "registry": "tax", "kind": "vat-return" },
              { "as": "lab", "registry": "labour", "kind": "workforce-report", "optional": true }
            ],
            """;
        var source = """{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution" }""";
        var tried = TestPacks.Load(TestPacks.Rule($$"""{ "all": {{parts}} }""", source: source, extra: joins));
        var whole = TestPacks.Load(TestPacks.Rule($$"""{ "not": { "not": { "all": {{parts}} } } }""", source: source, extra: joins));
        var enterprises = new[]
        {
            EnterpriseBuilder.CleanYear(),
            EnterpriseBuilder.CleanYear().Registration("suspended", "2026-03-01").Contribution("2026-05", ("insuredHeadcount", null)),
            EnterpriseBuilder.CleanYear(from: "2026-06", months: 3).Registration("suspended", "2026-12-01"),
            EnterpriseBuilder.CleanYear().WithoutTax("2026-02").WithoutContribution("2026-07").Tax("2026-04", ("payrollHeadcount", null)),
        }.Select(builder => builder.Build()).ToList();

        var found = enterprises.Select(enterprise => Keys(tried.Evaluate(enterprise, AsOf))).ToList();

        Assert.Equal(enterprises.Select(enterprise => Keys(whole.Evaluate(enterprise, AsOf))), found);
        Assert.Contains(found, keys => keys.Count > 0);
    }

    private List<(string RuleId, int Version, string? Period, string References)> Evaluate(IEnumerable<FactRecord> records)
    {
        var facts = new FactSet(pack);
        foreach (var record in records)
        {
            facts.Remember(record);
        }

        return [.. pack.Evaluate(facts, AsOf).Select(h => (h.RuleId, h.RuleVersion, h.Period, string.Join(",", h.RecordReferences)))];
    }

    private static List<(string RuleId, int Version, string? Period)> Keys(IReadOnlyList<RuleHit> hits) =>
        [.. hits.Select(h => (h.RuleId, h.RuleVersion, h.Period))];
}
