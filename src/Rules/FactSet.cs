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

    // By shape ordinal: each shape's records by period (then id), and the same records less those
    // without a readable period, whose month numbers then only grow, so that a window or a join finds
    // its months by binary search on integers.
    private readonly List<Fact>[] byShape;
    private readonly List<Fact>[] periodicByShape;
    private readonly int registrationShape;

    public FactSet(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        byShape = new List<Fact>[pack.Shapes.Count];
        periodicByShape = new List<Fact>[pack.Shapes.Count];
        for (var shape = 0; shape < byShape.Length; shape++)
        {
            (byShape[shape], periodicByShape[shape]) = ([], []);
        }

        registrationShape = pack.Shapes.Find(AliasScope.RegistrationRegistry, AliasScope.RegistrationKind)?.Ordinal ?? RecordShape.NoOrdinal;
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
            Remove(byShape[known.Shape], known);
            if (known.PeriodIndex != Periods.None)
            {
                Remove(periodicByShape[known.Shape], known);
            }
        }

        latest[(fact.Registry, fact.RecordId)] = fact;
        Insert(byShape[fact.Shape], fact);
        if (fact.PeriodIndex != Periods.None)
        {
            Insert(periodicByShape[fact.Shape], fact);
        }

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
        Pack.Shapes.Find(registry, kind) is { } shape ? byShape[shape.Ordinal] : None;

    /// <summary>The records of one shape (by its ordinal), by period, then id.</summary>
    internal List<Fact> Of(int shape) => byShape[shape];

    /// <summary>
    /// The records of one shape with a readable period: those of <see cref="Of(int)"/>, in its order,
    /// in which their <see cref="Fact.PeriodIndex"/> never falls.
    /// </summary>
    internal List<Fact> Periodic(int shape) => periodicByShape[shape];

    /// <summary>
    /// The records of one shape in the period of <paramref name="row"/> (a record or calendar period with
    /// one): a run of <see cref="Periodic"/> when that period is readable, found by binary search on its
    /// month number, else a run of <see cref="Of(int)"/> with the same period text.
    /// </summary>
    internal (List<Fact> Records, int Start, int End) InPeriod(int shape, Fact row)
    {
        if (row.PeriodIndex == Periods.None)
        {
            return InPeriodText(byShape[shape], row.Period!);
        }

        var list = periodicByShape[shape];
        var month = row.PeriodIndex;
        var start = FirstFrom(list, month);
        var end = start;
        while (end < list.Count && list[end].PeriodIndex == month)
        {
            end++;
        }

        return (list, start, end);
    }

    /// <summary>The position in <paramref name="periodic"/> (a <see cref="Periodic"/> list) of its first record of month <paramref name="month"/> or later.</summary>
    internal static int FirstFrom(List<Fact> periodic, int month)
    {
        var (low, high) = (0, periodic.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (periodic[middle].PeriodIndex < month)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static (List<Fact> Records, int Start, int End) InPeriodText(List<Fact> list, string period)
    {
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

    private static void Remove(List<Fact> list, Fact fact) => list.RemoveAt(list.BinarySearch(fact, ByPeriodThenId));

    private static void Insert(List<Fact> list, Fact fact)
    {
        var index = list.BinarySearch(fact, ByPeriodThenId);
        list.Insert(index < 0 ? ~index : index, fact);
    }
}
