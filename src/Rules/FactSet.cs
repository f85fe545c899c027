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
    private readonly Dictionary<(string Registry, string Kind), List<Fact>> byKind = [];

    public FactSet(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
    }

    /// <summary>The pack whose record shapes these facts are laid out by; only it can evaluate them.</summary>
    public RulePack Pack { get; }

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
            var previous = KindList(known.Registry, known.Kind);
            previous.RemoveAt(previous.BinarySearch(known, ByPeriodThenId));
        }

        latest[(fact.Registry, fact.RecordId)] = fact;
        var list = KindList(fact.Registry, fact.Kind);
        var index = list.BinarySearch(fact, ByPeriodThenId);
        list.Insert(index < 0 ? ~index : index, fact);
        if (fact.Registry == AliasScope.RegistrationRegistry && fact.Kind == AliasScope.RegistrationKind)
        {
            Registration = list.MaxBy(registration => registration.Version);
        }

        if (fact.PeriodIndex != Periods.None)
        {
            Span = Span.First == Periods.None
                ? (fact.PeriodIndex, fact.PeriodIndex)
                : (Math.Min(Span.First, fact.PeriodIndex), Math.Max(Span.Last, fact.PeriodIndex));
        }

        return true;
    }

    /// <summary>A set holding <paramref name="records"/> (the latest version of each id wins, whatever their order).</summary>
    internal static FactSet Of(RulePack pack, IEnumerable<FactRecord> records)
    {
        var facts = new FactSet(pack);
        foreach (var record in records)
        {
            facts.Remember(record);
        }

        return facts;
    }

    /// <summary>The records of one registry and kind, by period (a list, so that walking it allocates no enumerator).</summary>
    internal List<Fact> Of(string registry, string kind) =>
        byKind.TryGetValue((registry, kind), out var list) ? list : None;

    /// <summary>The records of one registry and kind in <paramref name="period"/>: a run of <see cref="Of"/>, found by binary search.</summary>
    internal (List<Fact> Records, int Start, int End) InPeriod(string registry, string kind, string period)
    {
        if (!byKind.TryGetValue((registry, kind), out var list))
        {
            return (None, 0, 0);
        }

        var (low, high) = (0, list.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(list[middle].Period, period) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var end = low;
        while (end < list.Count && list[end].Period == period)
        {
            end++;
        }

        return (list, low, end);
    }

    private List<Fact> KindList(string registry, string kind)
    {
        if (!byKind.TryGetValue((registry, kind), out var list))
        {
            byKind[(registry, kind)] = list = [];
        }

        return list;
    }
}
