namespace Inspection.Rules.Evaluation;

/// <summary>
/// One enterprise's records laid out flat for the rules, made again whenever its <see cref="FactSet"/>
/// changes: record by record, grouped by shape ordinal and in each shape by period (then id), each record's
/// number columns side by side in one array and its texts in another, its period as a month and a day
/// number beside them. Evaluating a pack walks these few arrays, a run of memory per enterprise, instead
/// of an object per record; the <see cref="Fact"/> itself is read only for a hit.
/// </summary>
internal sealed class FactLayout
{
    /// <summary>The layout of no records of no shapes: what a row holds between evaluations.</summary>
    public static readonly FactLayout Nothing = new([], null);

    /// <param name="byShape">Each shape's records (by ordinal), by period, then id.</param>
    /// <param name="registration">The enterprise's registration record, when it has one.</param>
    public FactLayout(IReadOnlyList<List<Fact>> byShape, Fact? registration)
    {
        var shapes = byShape.Count;
        var (count, columns, textColumns, periodic) = (0, 0, 0, 0);
        for (var shape = 0; shape < byShape.Count; shape++)
        {
            count += byShape[shape].Count;
            foreach (var fact in byShape[shape])
            {
                (columns, textColumns) = (columns + fact.Numbers.Length, textColumns + fact.Texts.Length);
                periodic += fact.PeriodIndex != Periods.None ? 1 : 0;
            }
        }

        (ShapeStart, PeriodicStart) = (new int[shapes + 1], new int[shapes + 1]);
        (Offsets, Months, Days, TextOffsets) = (new int[count], new int[count], new int[count], new int[count]);
        (Periodic, PeriodicMonths) = (new int[periodic], new int[periodic]);
        (Numbers, Texts, Facts) = (new double[columns], new string?[textColumns], new Fact[count]);
        var (record, column, textColumn) = (0, 0, 0);
        periodic = 0;
        Registration = -1;
        for (var shape = 0; shape < shapes; shape++)
        {
            (ShapeStart[shape], PeriodicStart[shape]) = (record, periodic);
            foreach (var fact in byShape[shape])
            {
                (Facts[record], Offsets[record], Months[record], Days[record]) = (fact, column, fact.PeriodIndex, Day(fact));
                fact.Numbers.CopyTo(Numbers, column);
                fact.Texts.CopyTo(Texts, textColumn);
                TextOffsets[record] = textColumn;
                (column, textColumn) = (column + fact.Numbers.Length, textColumn + fact.Texts.Length);
                if (fact.PeriodIndex != Periods.None)
                {
                    (Periodic[periodic], PeriodicMonths[periodic]) = (record, fact.PeriodIndex);
                    periodic++;
                }

                if (ReferenceEquals(fact, registration))
                {
                    Registration = record;
                }

                record++;
            }
        }

        (ShapeStart[shapes], PeriodicStart[shapes]) = (record, periodic);
    }

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
    /// <paramref name="month"/> or later, and the end of the shape's run there.
    /// </summary>
    public (int First, int End) PeriodicFrom(int shape, int month)
    {
        var (low, high) = (PeriodicStart[shape], PeriodicStart[shape + 1]);
        var end = high;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (PeriodicMonths[middle] < month)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (low, end);
    }
}
