using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class FactSetTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void A_newer_version_is_news_and_an_older_or_equal_one_is_not()
    {
        var facts = new FactSet(pack);

        Assert.True(facts.Remember(Records.VatReturn("2026-03", version: 2)));
        Assert.False(facts.Remember(Records.VatReturn("2026-03", version: 2)));
        Assert.False(facts.Remember(Records.VatReturn("2026-03", version: 1)));
        Assert.True(facts.Remember(Records.VatReturn("2026-03", version: 3)));
        Assert.Equal(1, facts.Count);
    }

    [Fact]
    public void A_record_of_a_kind_the_pack_does_not_declare_is_not_kept()
    {
        var facts = new FactSet(pack);

        Assert.False(facts.Remember(new FactRecord("tax", "INV-1", 1, "invoice-batch", "2026-03", new Dictionary<string, string?> { ["count"] = "4" })));
        Assert.Equal(0, facts.Count);
    }

    [Fact]
    public void Remembering_record_by_record_judges_as_a_set_built_at_once_does_whatever_the_order()
    {
        var enterprise = EnterpriseBuilder.CleanYear()
            .Tax("2026-03", ("filedOn", "2026-04-25"))
            .Contribution("2026-05", ("monthsInArrears", "3"))
            .Build();
        var facts = new FactSet(pack);

        // Newest first, with a late correction of March's return arriving before the original.
        foreach (var record in enterprise.Records.Reverse())
        {
            facts.Remember(record);
        }

        facts.Remember(Records.VatReturn("2026-03", version: 2));
        facts.Remember(Records.VatReturn("2026-03").With(("filedOn", "2026-04-25")));

        var incremental = pack.Evaluate(facts, AsOf);
        var corrected = new EnterpriseFacts(enterprise.EnterpriseCode, [.. enterprise.Records.Where(r => r.RecordId != $"TAX-{Records.Code}-2026-03"), Records.VatReturn("2026-03", version: 2)]);
        var atOnce = pack.Evaluate(corrected, AsOf);
        Assert.Equal(atOnce.Select(h => (h.RuleId, h.Period, string.Join(",", h.RecordReferences))), incremental.Select(h => (h.RuleId, h.Period, string.Join(",", h.RecordReferences))));
        Assert.Equal("BHXH-ARREARS", Assert.Single(incremental).RuleId);
    }

    [Fact]
    public void Remembering_a_batch_counts_only_its_news()
    {
        var facts = new FactSet(pack);
        facts.Remember(Records.VatReturn("2026-03", version: 2));

        var kept = facts.RememberAll(
        [
            Records.VatReturn("2026-03", version: 1),
            Records.VatReturn("2026-04"),
            Records.VatReturn("2026-04"),
            new FactRecord("tax", "INV-1", 1, "invoice-batch", "2026-03", new Dictionary<string, string?> { ["count"] = "4" }),
            Records.VatReturn("2026-03", version: 3),
        ]);

        Assert.Equal(2, kept);
        Assert.Equal(2, facts.Count);
    }

    [Fact]
    public void A_batch_refused_part_way_keeps_and_judges_the_records_before_the_refusal()
    {
        var enterprise = EnterpriseBuilder.CleanYear().Contribution("2026-05", ("monthsInArrears", "3")).Build();
        var facts = new FactSet(pack);

        Assert.Throws<ArgumentNullException>(() => facts.RememberAll([.. enterprise.Records, null!, Records.VatReturn("2026-03", version: 2)]));

        Assert.Equal(enterprise.Records.Count, facts.Count);
        Assert.Equal("BHXH-ARREARS", Assert.Single(pack.Evaluate(facts, AsOf)).RuleId);
    }

    [Fact]
    public void Facts_laid_out_by_another_pack_are_refused()
    {
        var other = RulePack.Load(TestPacks.Json());
        var facts = new FactSet(other);

        var error = Assert.Throws<ArgumentException>(() => pack.Evaluate(facts, AsOf));
        Assert.Equal("facts", error.ParamName);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData(null)]
    public void An_unreadable_number_is_unknown_and_fires_nothing(string? raw)
    {
        var facts = new FactSet(pack);
        foreach (var record in EnterpriseBuilder.CleanYear().Contribution("2026-03", ("monthsInArrears", raw)).Build().Records)
        {
            facts.Remember(record);
        }

        Assert.Empty(pack.Evaluate(facts, AsOf));
    }
}
