using Inspection.Contracts.Audit;
using Inspection.Contracts.RulePacks;
using Inspection.Rules;
using Inspection.Silo.RulePacks;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;
using Inspection.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Inspection.Silo.Tests.RulePacks;

[Collection(PostgresCollection.Name)]
public sealed class RulePackProviderTests(PostgresServer postgres)
{
    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    private static readonly RulePack Pack = RulePack.Load("""
        {
          "id": "trial", "version": "1",
          "records": [{ "registry": "tax", "kind": "vat-return", "fields": { "overdueDays": "number" } }],
          "rules": [
            { "id": "DEBT", "version": 1, "validFrom": "2025-01-01", "severity": "high",
              "title": { "vi": "Nợ", "en": "Debt" }, "legalBasis": "Basis", "explanation": { "vi": "x", "en": "x" },
              "for": { "as": "tax", "registry": "tax", "kind": "vat-return" }, "when": { ">": ["tax.overdueDays", 30] } },
            { "id": "DEBT", "version": 2, "stage": "dry-run", "validFrom": "2026-01-01", "severity": "high",
              "title": { "vi": "Nợ", "en": "Debt" }, "legalBasis": "Basis", "explanation": { "vi": "x", "en": "x" },
              "for": { "as": "tax", "registry": "tax", "kind": "vat-return" }, "when": { ">": ["tax.overdueDays", 10] } }
          ]
        }
        """);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_promotion_made_on_one_silo_reaches_another_and_outlives_a_restart(StorageProvider provider)
    {
        await using var host = await EvidenceStoreHost.StartAsync(provider, postgres);
        var first = Provider(host);
        var second = Provider(host);
        await second.RefreshAsync(default);

        var (outcome, problem) = await first.PromoteAsync("DEBT", 2, "ops-1", default);

        Assert.Equal((PromotionOutcome.Promoted, (string?)null), (outcome, problem));
        Assert.Equal(RuleStage.Live, first.Current.Rules[1].Stage);
        Assert.Equal(RuleStage.DryRun, second.Current.Rules[1].Stage);
        await second.RefreshAsync(default);
        Assert.Equal((RuleStage.Live, 1), (second.Current.Rules[1].Stage, second.Promotions));
        var restarted = Provider(host);
        await restarted.RefreshAsync(default);
        Assert.Equal(new DateOnly(2025, 12, 31), restarted.Current.Rules[0].ValidTo);

        var entry = Assert.Single(await host.Audit.ListAsync(new AuditQuery("rule:DEBT@2", "rule-version.promoted", null, 10), default));
        Assert.Equal("ops-1", entry.Event.Actor);
        Assert.True((await host.Audit.VerifyAsync(default)).Intact);
    }

    [Theory]
    [InlineData("DEBT", 1, PromotionOutcome.Refused)]
    [InlineData("DEBT", 3, PromotionOutcome.NotFound)]
    [InlineData("OTHER", 1, PromotionOutcome.NotFound)]
    public async Task A_promotion_that_cannot_be_made_changes_nothing_and_is_not_audited(string ruleId, int version, PromotionOutcome expected)
    {
        await using var host = await EvidenceStoreHost.StartAsync(StorageProvider.Sqlite, postgres);
        var packs = Provider(host);

        var (outcome, problem) = await packs.PromoteAsync(ruleId, version, "ops-1", default);

        Assert.Equal(expected, outcome);
        Assert.False(string.IsNullOrWhiteSpace(problem));
        Assert.Same(Pack, packs.Current);
        Assert.Empty(await host.Promotions.ListAsync(Pack.Id, default));
        Assert.Empty(await host.Audit.ListAsync(new AuditQuery(null, null, null, 10), default));
    }

    private static RulePackProvider Provider(EvidenceStoreHost host) =>
        new(Pack, host.Promotions, host.Audit, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)), NullLogger<RulePackProvider>.Instance);
}
