using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.RulePacks;
using Inspection.Silo.Storage;

namespace Inspection.Silo.RulePacks;

/// <summary>The rule pack in force as the API shows it, and promotions, which then have every enterprise assessed again.</summary>
public sealed class RuleCatalog(RulePackProvider packs, IEvidenceStore evidence, IGrainFactory grains) : IRuleCatalog
{
    public async Task<RulePackSummary> DescribeAsync(CancellationToken ct)
    {
        var counts = (await evidence.CountFlagsByRuleAsync(ct)).ToDictionary(count => (count.RuleId, count.RuleVersion, count.DryRun));
        var pack = packs.Current;
        return new RulePackSummary(pack.Id, pack.Version, packs.Promotions, [.. pack.Rules.Select(rule =>
        {
            var count = counts.GetValueOrDefault((rule.Id, rule.Version, rule.Stage == Rules.RuleStage.DryRun));
            return new RuleVersionSummary(
                rule.Id, rule.Version, rule.Stage, rule.ValidFrom, rule.ValidTo, rule.Severity,
                new LocalizedText(rule.Title.Vi, rule.Title.En), rule.LegalBasis, rule.Registries, count?.Flags ?? 0, count?.Enterprises ?? 0);
        })]);
    }

    public async Task<PromotionResult> PromoteAsync(string ruleId, int version, string actor, CancellationToken ct)
    {
        var (outcome, problem) = await packs.PromoteAsync(ruleId, version, actor, ct);
        if (outcome == PromotionOutcome.Promoted)
        {
            await grains.GetGrain<IReassessmentGrain>(IReassessmentGrain.Key).Request($"rule {ruleId} version {version} promoted");
        }

        return new PromotionResult(outcome, problem, await DescribeAsync(ct));
    }
}
