using Inspection.Bench.RulesBench.Generation;
using Inspection.Rules;

namespace Inspection.Bench.RulesBench;

/// <summary>Our engine, as the platform calls it: the compiled pack over one enterprise's <see cref="FactSet"/> as of the assessment date.</summary>
internal sealed class PackRunner(RulePack pack)
{
    private readonly Dictionary<(string, int), int> versionIndex =
        pack.Rules.Select((rule, index) => (rule, index)).ToDictionary(item => (item.rule.Id, item.rule.Version), item => item.index);

    public RulePack Pack { get; } = pack;

    public IReadOnlyList<RuleHit> Evaluate(FactSet facts) => Pack.Evaluate(facts, EnterpriseGenerator.AsOf);

    /// <summary>The position of a hit's rule version in the pack, where its hits are counted.</summary>
    public int IndexOf(RuleHit hit) => versionIndex[(hit.RuleId, hit.RuleVersion)];

    public static List<HitKey> Keys(IReadOnlyList<RuleHit> hits) =>
        [.. hits.Select(hit => new HitKey(hit.RuleId, hit.RuleVersion, hit.Period ?? string.Empty))];
}
