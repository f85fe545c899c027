using Inspection.Rules.Evaluation;
using Inspection.Rules.Language;

namespace Inspection.Rules;

/// <summary>
/// A versioned set of rules (bộ quy tắc), loaded from JSON, validated and compiled once, then
/// evaluated against one enterprise's facts at a time. Immutable and safe to share between threads:
/// promoting a dry-run version makes a new pack, which lays out facts as this one does.
/// </summary>
public sealed class RulePack
{
    private const string ShippedResource = "Inspection.Rules.Packs.core.rules.json";

    // The shipped pack never changes at run time, so it is compiled once per process.
    private static readonly Lazy<RulePack> Shipped = new(() => Load(ReadResource(ShippedResource)));

    private readonly CompiledRule[] compiled;
    private readonly int maxSlots;

    private RulePack(string id, string version, RecordShapes shapes, IReadOnlyList<CompiledRule> compiled)
    {
        Id = id;
        Version = version;
        Shapes = shapes;
        this.compiled = [.. compiled];
        maxSlots = compiled.Count == 0 ? 1 : compiled.Max(rule => rule.SlotCount);
        Rules = [.. compiled.Select(rule => rule.Rule)];
    }

    public string Id { get; }

    public string Version { get; }

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The record shapes the pack declares: how its facts are laid out.</summary>
    internal RecordShapes Shapes { get; }

    /// <summary>Parses, validates and compiles a pack.</summary>
    /// <exception cref="RulePackException">The pack is invalid; the exception names the rule and field.</exception>
    public static RulePack Load(string json)
    {
        var (id, version, shapes, rules) = PackCompiler.Compile(json);
        return new RulePack(id, version, shapes, rules);
    }

    /// <summary>The core pack shipped with this library (<c>Packs/core.rules.json</c>).</summary>
    public static RulePack LoadShipped() => Shipped.Value;

    /// <summary>
    /// Runs every rule over the enterprise's records as of <paramref name="asOf"/>; hits come in pack
    /// order, then by period.
    /// </summary>
    public IReadOnlyList<RuleHit> Evaluate(EnterpriseFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Evaluate(FactSet.Of(this, facts.Records), asOf);
    }

    /// <summary>
    /// Runs every rule over facts kept up to date by their owner; hits come in pack order, then by period.
    /// Dry-run versions run beside the live ones and say so in their hits. A calendar rule, which finds a
    /// record missing, judges only when every registry it reads (business registration too, when it reads
    /// the registration) is in <paramref name="completeRegistries"/>: read to the end, so that a record not
    /// there yet is one that does not exist, and a status it reads is not one a newer version is still on its
    /// way to replace (null: all are).
    /// </summary>
    /// <exception cref="ArgumentException">The facts were laid out by a pack of other record shapes.</exception>
    public IReadOnlyList<RuleHit> Evaluate(FactSet facts, DateOnly asOf, IReadOnlySet<string>? completeRegistries = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!ReferenceEquals(facts.Pack.Shapes, Shapes))
        {
            throw new ArgumentException("The facts were laid out by another rule pack; remember the records in a FactSet of this pack.", nameof(facts));
        }

        facts.Layout.Prefetch();
        var row = Row.Take(maxSlots, facts, asOf);
        foreach (var rule in compiled)
        {
            if (completeRegistries is null || !rule.IsCalendar || rule.ReadsOnly(completeRegistries))
            {
                rule.Evaluate(row);
            }
        }

        var hits = row.Hits;
        row.Return();

        return hits ?? (IReadOnlyList<RuleHit>)[];
    }

    /// <summary>
    /// The pack with a dry-run version made live: from its validFrom it judges instead of the live
    /// version of its rule, which ends the day before (or, when it would judge nothing any more, is
    /// retired). Facts laid out by this pack can be evaluated by the new one.
    /// </summary>
    /// <exception cref="ArgumentException">No such version, or it is not on dry run.</exception>
    /// <exception cref="InvalidOperationException">A live version would still be in force after the promoted one ends.</exception>
    public RulePack Promote(string ruleId, int version)
    {
        var target = compiled.FirstOrDefault(rule => rule.Rule.Id == ruleId && rule.Rule.Version == version)?.Rule
            ?? throw new ArgumentException($"The pack has no rule '{ruleId}' version {version}.", nameof(version));
        if (target.Stage != RuleStage.DryRun)
        {
            throw new ArgumentException($"Rule '{ruleId}' version {version} is {target.Stage}, not on dry run.", nameof(version));
        }

        var promoted = new List<CompiledRule>(compiled.Length);
        foreach (var rule in compiled)
        {
            var current = rule.Rule;
            if (current == target)
            {
                promoted.Add(rule.As(current with { Stage = RuleStage.Live }));
            }
            else if (current.Id == ruleId && current.Stage == RuleStage.Live && current.Overlaps(target))
            {
                if (target.ValidTo is { } end && (current.ValidTo is null || current.ValidTo > end))
                {
                    throw new InvalidOperationException(
                        $"Promoting version {version} of '{ruleId}' would leave version {current.Version} in force after {end:yyyy-MM-dd}: end that version first.");
                }

                promoted.Add(rule.As(current.ValidFrom < target.ValidFrom
                    ? current with { ValidTo = target.ValidFrom.AddDays(-1) }
                    : current with { Stage = RuleStage.Retired }));
            }
            else
            {
                promoted.Add(rule);
            }
        }

        return new RulePack(Id, Version, Shapes, promoted);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(RulePack).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded rule pack '{name}' is missing from {typeof(RulePack).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
