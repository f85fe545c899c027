namespace Inspection.Rules.Anomalies;

/// <summary>
/// How unusual an enterprise's latest month is against its own earlier months (so sánh với chính nó):
/// for each feature, the robust z-score of the latest value against the earlier ones (median and MAD);
/// the score is one minus the chance that the most extreme of them comes about by chance, corrected for
/// the number of features looked at (Bonferroni). 0.95 and above is a change to look into.
/// A change is measured against what the other enterprises did the same month (<see cref="Baseline"/>):
/// a change they all made (a new tax rate, a season) is no one's anomaly, and a change no bigger than
/// enterprises commonly make month to month is ordinary, however still the enterprise had been before.
/// </summary>
public static class OwnHistory
{
    /// <summary>Earlier months needed before the enterprise's own history can tell anything.</summary>
    public const int MinimumMonths = 6;

    // A MAD this small against the median is no spread at all: a feature that never moved is judged on a floor of 1% of its level.
    private const double SpreadFloor = 0.01;

    /// <summary>
    /// What enterprises commonly did in their latest month, feature by feature: the median change from
    /// their own earlier median (the shift everyone made), the robust spread (1.4826 × MAD) of those
    /// changes, and the robust spread of the changes relative to the enterprises' own levels (a large
    /// enterprise's figures move by more units than a small one's). An enterprise's change is measured
    /// against no less than either. NaN where no enterprise has the history to tell.
    /// </summary>
    /// <param name="histories">Each enterprise's monthly feature vectors, oldest first.</param>
    public static HistoryBaseline Baseline(IReadOnlyList<IReadOnlyList<double[]>> histories, int features)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var shift = new double[features];
        var floor = new double[features];
        var relativeFloor = new double[features];
        for (var column = 0; column < features; column++)
        {
            var changes = histories.Select(months => Change(months, column)).Where(change => double.IsFinite(change.By)).ToArray();
            if (changes.Length == 0)
            {
                shift[column] = floor[column] = relativeFloor[column] = double.NaN;
                continue;
            }

            (shift[column], floor[column]) = MedianAndSpread([.. changes.Select(change => change.By)]);
            var relative = changes.Where(change => Math.Abs(change.From) > 1e-9).Select(change => change.By / Math.Abs(change.From)).ToArray();
            relativeFloor[column] = relative.Length == 0 ? double.NaN : MedianAndSpread(relative).Spread;
        }

        return new HistoryBaseline(shift, floor, relativeFloor);
    }

    /// <returns>The score and the feature that stands out, or null with too little history.</returns>
    /// <param name="months">Monthly feature vectors, oldest first; the last is the month judged.</param>
    /// <param name="baseline">What enterprises commonly did that month (<see cref="Baseline"/>); without, the enterprise is judged alone.</param>
    public static (double Score, FeatureContribution Feature)? Score(IReadOnlyList<double[]> months, IReadOnlyList<string> names, HistoryBaseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(names);
        if (months.Count < MinimumMonths + 1)
        {
            return null;
        }

        var latest = months[^1];
        (double Z, FeatureContribution Feature)? most = null;
        var judged = 0;
        for (var column = 0; column < names.Count; column++)
        {
            if (Earlier(months, column) is not { } earlier || !double.IsFinite(latest[column]))
            {
                continue;
            }

            judged++;
            var median = Median(earlier);
            var mad = Median([.. earlier.Select(value => Math.Abs(value - median)).Order()]) * 1.4826;
            var shift = baseline is not null && double.IsFinite(baseline.Shift[column]) ? baseline.Shift[column] : 0;
            var floor = baseline is not null && double.IsFinite(baseline.Floor[column]) ? baseline.Floor[column] : 0;
            var relativeFloor = Math.Max(SpreadFloor, baseline is not null && double.IsFinite(baseline.RelativeFloor[column]) ? baseline.RelativeFloor[column] : 0);
            var spread = Math.Max(Math.Max(mad, floor), Math.Max(Math.Abs(median) * relativeFloor, 1e-9));
            var z = Math.Abs(latest[column] - median - shift) / spread;
            if (most is null || z > most.Value.Z)
            {
                most = (z, new FeatureContribution(column, names[column], latest[column], median, 1));
            }
        }

        if (most is not { } found)
        {
            return null;
        }

        var chance = Math.Min(1, judged * 2 * NormalTail(found.Z));
        return (1 - chance, found.Feature);
    }

    /// <summary>The latest month's change from the enterprise's own earlier median, and that median; NaN without enough history.</summary>
    private static (double By, double From) Change(IReadOnlyList<double[]> months, int column)
    {
        if (months.Count < MinimumMonths + 1 || Earlier(months, column) is not { } earlier)
        {
            return (double.NaN, double.NaN);
        }

        var median = Median(earlier);
        return (months[^1][column] - median, median);
    }

    private static (double Median, double Spread) MedianAndSpread(double[] values)
    {
        Array.Sort(values);
        var median = Median(values);
        return (median, 1.4826 * Median([.. values.Select(value => Math.Abs(value - median)).Order()]));
    }

    /// <summary>The known earlier values of a feature, sorted; null when fewer than <see cref="MinimumMonths"/>.</summary>
    private static double[]? Earlier(IReadOnlyList<double[]> months, int column)
    {
        var earlier = months.Take(months.Count - 1).Select(month => month[column]).Where(double.IsFinite).Order().ToArray();
        return earlier.Length < MinimumMonths ? null : earlier;
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    /// <summary>P(Z &gt; z) for a standard normal, by the complementary error function (Abramowitz–Stegun 7.1.26).</summary>
    private static double NormalTail(double z)
    {
        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erfc = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429)))))))) * Math.Exp(-x * x);
        return erfc / 2;
    }
}
