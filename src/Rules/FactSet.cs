using Inspection.Rules.Evaluation;
using Inspection.Rules.Language;

namespace Inspection.Rules;

/// <summary>
/// One enterprise's latest records as a pack's rules read them, kept up to date record by record: each
/// record is parsed once into typed columns when it is remembered, and kept in order of period, so that
/// evaluating the pack again after a new record costs only the rules' own work. Not thread-safe: one
/// owner (an enterprise grain) updates and evaluates it.
/// </summary>
public sealed class FactSet
{
    private static readonly IComparer<Fact> ByPeriodThenId = Comparer<Fact>.Create((a, b) =>
    {
        var period = string.CompareOrdinal(a.Period, b.Period);
        return period != 0 ? period : string.CompareOrdinal(a.RecordId, b.RecordId);
    });

    private static readonly List<Fact> None = [];

    private readonly Dictionary<(string Registry, string RecordId), Fact> latest = [];

    // By shape ordinal: each shape's records by period (then id); and the same laid out flat for the rules.
    private readonly List<Fact>[] byShape;
    private readonly int registrationShape;
    private FactLayout layout;

    public FactSet(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        byShape = new List<Fact>[pack.Shapes.Count];
        for (var shape = 0; shape < byShape.Length; shape++)
        {
            byShape[shape] = [];
        }

        registrationShape = pack.Shapes.Find(AliasScope.RegistrationRegistry, AliasScope.RegistrationKind)?.Ordinal ?? RecordShape.NoOrdinal;
        layout = new FactLayout(byShape, null);
    }

    /// <summary>The pack whose record shapes these facts are laid out by; only it can evaluate them.</summary>
    public RulePack Pack { get; }

    /// <summary>
    /// The records laid out for the rules, made again on every change: an enterprise's records change
    /// rarely and are judged often, so the rules' work stays a walk over a few arrays. Kept by value in
    /// this object, so that reaching the arrays reads nothing but it.
    /// </summary>
    internal ref readonly FactLayout Layout => ref layout;

    /// <summary>How many records are kept: one per record id, the latest version.</summary>
    public int Count => latest.Count;

    /// <summary>The enterprise's registration record (the highest version of its registration kind), if any.</summary>
    internal Fact? Registration { get; private set; }

    /// <summary>
    /// The first and last month any of the enterprise's records is about (<see cref="Periods.None"/> while it has
    /// none): the stretch in which its registries show it, where a calendar rule expects its filings.
    /// </summary>
    internal (int First, int Last) Span { get; private set; } = (Periods.None, Periods.None);

    /// <summary>
    /// Keeps the record when it is newer than the version already known of its id. Records of a kind the
    /// pack declares no shape for are not kept: no rule can read them.
    /// </summary>
    /// <returns>Whether the rules may now judge differently: a new record or a newer version of one they read.</returns>
    public bool Remember(FactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Keep(record))
        {
            return false;
        }

        layout = new FactLayout(byShape, Registration);
        return true;
    }

    /// <summary>
    /// Keeps each of the records as <see cref="Remember(FactRecord)"/> does, laying them out once at the end:
    /// an enterprise's whole history at activation, or a registry's page, costs one layout, not one per record.
    /// </summary>
    /// <returns>How many of them the rules may judge differently by (see <see cref="Remember(FactRecord)"/>).</returns>
    public int RememberAll(IEnumerable<FactRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var kept = 0;
        try
        {
            foreach (var record in records)
            {
                ArgumentNullException.ThrowIfNull(record, nameof(records));
                if (Keep(record))
                {
                    kept++;
                }
            }
        }
        finally
        {
            // Even when a record of the batch is refused, those kept before it are laid out.
            if (kept > 0)
            {
                layout = new FactLayout(byShape, Registration);
            }
        }

        return kept;
    }

    /// <summary>A set holding <paramref name="records"/> (the latest version of each id wins, whatever their order).</summary>
    internal static FactSet Of(RulePack pack, IEnumerable<FactRecord> records)
    {
        var facts = new FactSet(pack);
        facts.RememberAll(records);
        return facts;
    }

    /// <summary>Files the record under its shape when it is news, leaving the layout to the caller.</summary>
    private bool Keep(FactRecord record)
    {
        var key = (record.Registry, record.RecordId);
        if (latest.TryGetValue(key, out var known) && known.Version >= record.Version)
        {
            return false;
        }

        if (Pack.Shapes.Find(record.Registry, record.Kind) is not { } shape)
        {
            return false;
        }

        var fact = shape.Read(record);
        if (known is not null)
        {
            Remove(byShape[known.Shape], known);
        }

        latest[(fact.Registry, fact.RecordId)] = fact;
        Insert(byShape[fact.Shape], fact);

        if (fact.Shape == registrationShape)
        {
            Registration = byShape[fact.Shape].MaxBy(registration => registration.Version);
        }

        if (fact.PeriodIndex != Periods.None)
        {
            Span = Span.First == Periods.None
                ? (fact.PeriodIndex, fact.PeriodIndex)
                : (Math.Min(Span.First, fact.PeriodIndex), Math.Max(Span.Last, fact.PeriodIndex));
        }

        return true;
    }

    /// <summary>The records of one registry and kind, by period (a list, so that walking it allocates no enumerator).</summary>
    internal List<Fact> Of(string registry, string kind) =>
        Pack.Shapes.Find(registry, kind) is { } shape ? byShape[shape.Ordinal] : None;

    private static void Remove(List<Fact> list, Fact fact) => list.RemoveAt(list.BinarySearch(fact, ByPeriodThenId));

    private static void Insert(List<Fact> list, Fact fact)
    {
        var index = list.BinarySearch(fact, ByPeriodThenId);
        list.Insert(index < 0 ? ~index : index, fact);
    }
}
