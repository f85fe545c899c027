using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Inspection.Rules.Evaluation;

/// <summary>
/// One enterprise's records laid out flat for the rules, made again whenever its <see cref="FactSet"/>
/// changes: record by record, grouped by shape ordinal and in each shape by period (then id), each record's
/// number columns side by side in one array and its texts in another, its period as a month and a day
/// number beside them. Evaluating a pack walks these few arrays, a run of memory per enterprise, instead
/// of an object per record; the <see cref="Fact"/> itself is read only for a hit.
/// </summary>
/// <remarks>
/// A value, kept inside the <see cref="FactSet"/> and copied into the <see cref="Row"/> that evaluates it:
/// judged among many, an enterprise is out of cache, and an object between the fact set and its arrays
/// was one more wait for memory before the first rule could read anything (see <see cref="Prefetch"/>).
/// </remarks>
internal readonly struct FactLayout
{
    private const int CacheLine = 64;

    // A single-dimensional array's elements start after its method table pointer and its length.
    private const int ArrayHeader = 16;

    private readonly int shapes;
    private readonly int records;
    private readonly int periodic;
    private readonly int columns;
    private readonly int textColumns;

    /// <param name="byShape">Each shape's records (by ordinal), by period, then id.</param>
    /// <param name="registration">The enterprise's registration record, when it has one.</param>
    public FactLayout(IReadOnlyList<List<Fact>> byShape, Fact? registration)
    {
        shapes = byShape.Count;
        for (var shape = 0; shape < shapes; shape++)
        {
            records += byShape[shape].Count;
            foreach (var fact in byShape[shape])
            {
                (columns, textColumns) = (columns + fact.Numbers.Length, textColumns + fact.Texts.Length);
                periodic += fact.PeriodIndex != Periods.None ? 1 : 0;
            }
        }

        // The arrays the rules read are made one after another, so that they lie together; the facts,
        // read only for a hit, last.
        (ShapeStart, PeriodicStart) = (new int[shapes + 1], new int[shapes + 1]);
        (Offsets, Months, Days, TextOffsets) = (new int[records], new int[records], new int[records], new int[records]);
        (Periodic, PeriodicMonths) = (new int[periodic], new int[periodic]);
        (Numbers, Texts, Facts) = (new double[columns], new string?[textColumns], new Fact[records]);
        var (record, column, textColumn, periodicRecord) = (0, 0, 0, 0);
        Registration = -1;
        for (var shape = 0; shape < shapes; shape++)
        {
            (ShapeStart[shape], PeriodicStart[shape]) = (record, periodicRecord);
            foreach (var fact in byShape[shape])
            {
                (Facts[record], Offsets[record], Months[record], Days[record]) = (fact, column, fact.PeriodIndex, Day(fact));
                fact.Numbers.CopyTo(Numbers, column);
                fact.Texts.CopyTo(Texts, textColumn);
                TextOffsets[record] = textColumn;
                (column, textColumn) = (column + fact.Numbers.Length, textColumn + fact.Texts.Length);
                if (fact.PeriodIndex != Periods.None)
                {
                    (Periodic[periodicRecord], PeriodicMonths[periodicRecord]) = (record, fact.PeriodIndex);
                    periodicRecord++;
                }

                if (ReferenceEquals(fact, registration))
                {
                    Registration = record;
                }

                record++;
            }
        }

        (ShapeStart[shapes], PeriodicStart[shapes]) = (record, periodicRecord);
    }

    /// <summary>The layout of no records of no shapes: what a row holds between evaluations.</summary>
    public static FactLayout Nothing { get; } = new([], null);

    /// <summary>The records, by shape, then period, then id.</summary>
    public Fact[] Facts { get; }

    /// <summary>Every record's number (and date) columns, record after record.</summary>
    public double[] Numbers { get; }

    /// <summary>Where each record's columns start in <see cref="Numbers"/>.</summary>
    public int[] Offsets { get; }

    /// <summary>Every record's text columns, record after record.</summary>
    public string?[] Texts { get; }

    /// <summary>Where each record's text columns start in <see cref="Texts"/>.</summary>
    public int[] TextOffsets { get; }

    /// <summary>Each record's <see cref="Fact.PeriodIndex"/>.</summary>
    public int[] Months { get; }

    /// <summary>Each record's <see cref="Day(Fact)"/>.</summary>
    public int[] Days { get; }

    /// <summary>Where each shape's records start (by ordinal; one more entry, the end of the last).</summary>
    public int[] ShapeStart { get; }

    /// <summary>The records with a readable period, by shape and period (then id): their months only grow within a shape.</summary>
    public int[] Periodic { get; }

    /// <summary>The month of each of <see cref="Periodic"/>, side by side for binary search.</summary>
    public int[] PeriodicMonths { get; }

    /// <summary>Where each shape's records start in <see cref="Periodic"/> (one more entry, the end of the last).</summary>
    public int[] PeriodicStart { get; }

    /// <summary>The registration record's position, or -1.</summary>
    public int Registration { get; }

    /// <summary>
    /// A fact's period as the day number it starts, <see cref="Periods.Absent"/> when it has no period, and
    /// <see cref="Periods.None"/> when its period is unreadable.
    /// </summary>
    public static int Day(Fact fact) => fact.Period is null ? Periods.Absent : fact.PeriodStartDay;

    /// <summary>
    /// The position in <see cref="Periodic"/> of the first record of <paramref name="shape"/> of month
    /// <paramref name="month"/> or later, and the end of the shape's run there. A rule asks for the months
    /// of its rows, which only grow from one row to the next: <paramref name="cursor"/> keeps the position
    /// found for one use (a join, a window) from one row to the next, so that finding the next is a step
    /// or two forward instead of a search (-1 at first; a month earlier than the last starts again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int First, int End) PeriodicFrom(int shape, int month, ref int cursor)
    {
        var (start, end) = (PeriodicStart[shape], PeriodicStart[shape + 1]);
        var first = cursor;
        if (first < start || (first > start && PeriodicMonths[first - 1] >= month))
        {
            first = start;
        }

        while (first < end && PeriodicMonths[first] < month)
        {
            first++;
        }

        cursor = first;
        return (first, end);
    }

    /// <summary>
    /// Asks the processor for every cache line of the arrays the rules read, before the first rule reads
    /// any: their loads depend on one another (a shape's start, then its records' columns), and fetched
    /// as they come, each would wait for memory in turn. The sizes are known here, so nothing of the arrays
    /// is read first. A hint only: it changes no result, and does nothing where the processor has no prefetch.
    /// </summary>
    public void Prefetch()
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        Lines(ShapeStart, (shapes + 1) * sizeof(int));
        Lines(PeriodicStart, (shapes + 1) * sizeof(int));
        Lines(Offsets, records * sizeof(int));
        Lines(Months, records * sizeof(int));
        Lines(Days, records * sizeof(int));
        Lines(TextOffsets, records * sizeof(int));
        Lines(Periodic, periodic * sizeof(int));
        Lines(PeriodicMonths, periodic * sizeof(int));
        Lines(Numbers, columns * sizeof(double));
        Lines(Texts, textColumns * IntPtr.Size);
    }

    private static unsafe void Lines(Array array, int bytes)
    {
        // The array's address, as the reference holds it: the garbage collector keeps it current.
        var start = (byte*)Unsafe.As<Array, nint>(ref array);
        for (var offset = 0; offset < ArrayHeader + bytes; offset += CacheLine)
        {
            Sse.Prefetch0(start + offset);
        }
    }
}
