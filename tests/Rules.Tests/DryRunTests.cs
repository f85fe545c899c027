using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

/// <summary>A rule version on dry run beside the live one, and its promotion.</summary>
public class DryRunTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    private static readonly RulePack Pack = TestPacks.Load(
        TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", validFrom: "2025-07-01"),
        TestPacks.Rule("""{ ">": ["tax.overdueDays", 10] }""", version: 2, validFrom: "2026-07-01", extra: """ "stage": "dry-run", """));

    [Fact]
    public void A_dry_run_version_judges_beside_the_live_one_and_says_so()
    {
        var hits = Pack.Evaluate(Overdue(("2026-08", "20"), ("2026-09", "45")), AsOf);

        Assert.Equal([("2026-09", 1, false), ("2026-08", 2, true), ("2026-09", 2, true)], hits.Select(h => (h.Period!, h.RuleVersion, h.DryRun)));
        Assert.Equal(RuleStage.DryRun, Pack.Rules[1].Stage);
    }

    [Fact]
    public void Promoting_makes_the_version_live_from_its_valid_from_and_ends_the_old_one_the_day_before()
    {
        var promoted = Pack.Promote("TEST-RULE", 2);

        var hits = promoted.Evaluate(Overdue(("2026-05", "20"), ("2026-05", "20"), ("2026-06", "45"), ("2026-08", "20")), AsOf);
        Assert.Equal([("2026-06", 1), ("2026-08", 2)], hits.Select(h => (h.Period!, h.RuleVersion)));
        Assert.All(hits, h => Assert.False(h.DryRun));
        Assert.Equal((RuleStage.Live, new DateOnly(2026, 6, 30)), (promoted.Rules[0].Stage, promoted.Rules[0].ValidTo!.Value));
        Assert.Equal(RuleStage.Live, promoted.Rules[1].Stage);
        // The pack it came from is unchanged.
        Assert.Equal(RuleStage.DryRun, Pack.Rules[1].Stage);
    }

    [Fact]
    public void A_live_version_that_would_judge_nothing_any_more_is_retired()
    {
        var pack = TestPacks.Load(
            TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", validFrom: "2026-01-01"),
            TestPacks.Rule("""{ ">": ["tax.overdueDays", 10] }""", version: 2, validFrom: "2025-07-01", extra: """ "stage": "dry-run", """));

        var promoted = pack.Promote("TEST-RULE", 2);

        Assert.Equal(RuleStage.Retired, promoted.Rules[0].Stage);
        Assert.Equal([2], promoted.Evaluate(Overdue(("2026-03", "45")), AsOf).Select(h => h.RuleVersion));
    }

    [Fact]
    public void Facts_remembered_under_a_pack_are_evaluated_by_its_promoted_successor()
    {
        var facts = new FactSet(Pack);
        foreach (var record in Overdue(("2026-08", "20")).Records)
        {
            facts.Remember(record);
        }

        Assert.Equal([2], Pack.Promote("TEST-RULE", 2).Evaluate(facts, AsOf).Select(h => h.RuleVersion));
    }

    [Fact]
    public void Only_a_dry_run_version_can_be_promoted()
    {
        Assert.Contains("not on dry run", Assert.Throws<ArgumentException>(() => Pack.Promote("TEST-RULE", 1)).Message, StringComparison.Ordinal);
        Assert.Contains("no rule", Assert.Throws<ArgumentException>(() => Pack.Promote("TEST-RULE", 7)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_promotion_that_would_leave_the_old_version_in_force_after_the_new_one_ends_is_refused()
    {
        var pack = TestPacks.Load(
            TestPacks.Rule("""{ ">": ["tax.overdueDays", 30] }""", validFrom: "2025-07-01"),
            TestPacks.Rule("""{ ">": ["tax.overdueDays", 10] }""", version: 2, validFrom: "2026-01-01", validTo: "2026-06-30", extra: """ "stage": "dry-run", """));

        Assert.Throws<InvalidOperationException>(() => pack.Promote("TEST-RULE", 2));
    }

    private static EnterpriseFacts Overdue(params (string Period, string Days)[] months)
    {
        var builder = EnterpriseBuilder.CleanYear(from: "2026-01", months: 10);
        foreach (var (period, days) in months)
        {
            builder.Tax(period, ("overdueDays", days));
        }

        return builder.Build();
    }
}
