using Inspection.Rules.Evaluation;
using Inspection.Rules.Language;

namespace Inspection.Rules;

/// <summary>
/// A versioned set of rules (bộ quy tắc), loaded from JSON, validated and compiled once, then
/// evaluated against one enterprise's facts at a time. Immutable and safe to share between threads.
/// </summary>
public sealed class RulePack
{
    private const string ShippedResource = "Inspection.Rules.Packs.core.rules.json";

    // The shipped pack never changes at run time, so it is compiled once per process.
    private static readonly Lazy<RulePack> Shipped = new(() => Load(ReadResource(ShippedResource)));

    private readonly IReadOnlyList<CompiledRule> compiled;
    private readonly int maxSlots;

    private RulePack(string id, string version, RecordShapes shapes, IReadOnlyList<CompiledRule> compiled)
    {
        Id = id;
        Version = version;
        Shapes = shapes;
        this.compiled = compiled;
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

    /// <summary>Runs every rule over facts kept up to date by their owner; hits come in pack order, then by period.</summary>
    /// <exception cref="ArgumentException">The facts were laid out by another pack.</exception>
    public IReadOnlyList<RuleHit> Evaluate(FactSet facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!ReferenceEquals(facts.Pack, this))
        {
            throw new ArgumentException("The facts were laid out by another rule pack; remember the records in a FactSet of this pack.", nameof(facts));
        }

        var hits = new List<RuleHit>();
        var row = new Row(maxSlots);
        foreach (var rule in compiled)
        {
            rule.Evaluate(facts, asOf, row, hits);
        }

        return hits;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(RulePack).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded rule pack '{name}' is missing from {typeof(RulePack).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
