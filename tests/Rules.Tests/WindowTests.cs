using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>Windows over the enterprise's records of the periods up to the row's, and changes in percent.</summary>
public class WindowTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    [Fact]
    public void A_mean_over_the_months_before_compares_this_month_with_them()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""
            { "<": [{ "changePct": [{ "mean": { "of": "tax.revenue", "last": 3, "skip": 1 } }, "tax.revenue"] }, -50] }
            """));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-01", months: 5)
            .Tax("2026-01", ("revenue", "1000")).Tax("2026-02", ("revenue", "900")).Tax("2026-03", ("revenue", "1000"))
            .Tax("2026-04", ("revenue", "1100")).Tax("2026-05", ("revenue", "400"));

        var hit = Assert.Single(pack.Evaluate(enterprise.Build(), AsOf));

        Assert.Equal("2026-05", hit.Period);
        Assert.Equal("1000", hit.Values["mean(tax.revenue, last 3, skip 1)"]);
        Assert.Equal("400", hit.Values["tax.revenue"]);
    }

    [Theory]
    [InlineData("sum", "3600")]
    [InlineData("min", "900")]
    [InlineData("max", "1500")]
    [InlineData("count", "3")]
    [InlineData("mean", "1200")]
    public void Each_aggregate_takes_the_window_s_known_values(string function, string expected)
    {
        var pack = TestPacks.Load(TestPacks.Rule($$"""{ ">": [{ "{{function}}": { "of": "tax.revenue", "last": 4 } }, 0] }"""));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-01", months: 4)
            .Tax("2026-01", ("revenue", null)).Tax("2026-02", ("revenue", "900")).Tax("2026-03", ("revenue", "1200")).Tax("2026-04", ("revenue", "1500"));

        var hits = pack.Evaluate(enterprise.Build(), AsOf);

        Assert.Equal(expected, hits.Single(h => h.Period == "2026-04").Values[$"{function}(tax.revenue, last 4)"]);
    }

    [Fact]
    public void Count_of_an_alias_counts_its_records_in_the_window()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ "<": [{ "count": { "of": "tax", "last": 3 } }, 3] }"""));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-01", months: 6).WithoutTax("2026-04");

        var hits = pack.Evaluate(enterprise.Build(), AsOf);

        // Months whose three-month window (the month and the two before) lacks April: May and June; and the first two months.
        Assert.Equal(["2026-01", "2026-02", "2026-05", "2026-06"], hits.Select(h => h.Period));
    }

    [Fact]
    public void A_window_with_no_known_value_is_unknown_and_fires_nothing_even_negated()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ "not": { ">": [{ "mean": { "of": "tax.revenue", "last": 2, "skip": 1 } }, 0] } }"""));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-03", months: 1);

        Assert.Empty(pack.Evaluate(enterprise.Build(), AsOf));
    }

    [Fact]
    public void A_change_from_zero_is_unknown()
    {
        var pack = TestPacks.Load(TestPacks.Rule("""{ "not": { "<": [{ "changePct": [0, "tax.revenue"] }, 1000] } }"""));

        Assert.Empty(pack.Evaluate(EnterpriseBuilder.CleanYear(from: "2026-03", months: 1).Build(), AsOf));
    }

    [Fact]
    public void Windows_read_across_registries_from_a_joined_alias()
    {
        var pack = TestPacks.Load(TestPacks.Rule(
            """{ ">": ["bhxh.insuredHeadcount", { "max": { "of": "bhxh.insuredHeadcount", "last": 3, "skip": 1 } }] }""",
            extra: """ "join": [{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution" }], """));
        var enterprise = EnterpriseBuilder.CleanYear(from: "2026-01", months: 4).Contribution("2026-04", ("insuredHeadcount", "55"));

        Assert.Equal("2026-04", Assert.Single(pack.Evaluate(enterprise.Build(), AsOf)).Period);
    }
}
