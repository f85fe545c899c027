namespace Inspection.Rules.Anomalies;

/// <summary>
/// How unusual an enterprise's latest month is against its own earlier months (so sánh với chính nó):
/// for each feature, the robust z-score of the latest value against the earlier ones (median and MAD);
/// the score is one minus the chance that the most extreme of them comes about by chance, corrected for
/// the number of features looked at (Bonferroni). 0.95 and above is a change to look into.
/// </summary>
public static class OwnHistory
{
    /// <summary>Earlier months needed before the enterprise's own history can tell anything.</summary>
    public const int MinimumMonths = 6;

    // A MAD this small against the median is no spread at all: a feature that never moved is judged on a floor of 1% of its level.
    private const double SpreadFloor = 0.01;

    /// <returns>The score and the feature that stands out, or null with too little history.</returns>
    /// <param name="months">Monthly feature vectors, oldest first; the last is the month judged.</param>
    public static (double Score, FeatureContribution Feature)? Score(IReadOnlyList<double[]> months, IReadOnlyList<string> names)
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
            var earlier = months.Take(months.Count - 1).Select(month => month[column]).Where(double.IsFinite).Order().ToArray();
            if (earlier.Length < MinimumMonths || !double.IsFinite(latest[column]))
            {
                continue;
            }

            judged++;
            var median = Median(earlier);
            var mad = Median([.. earlier.Select(value => Math.Abs(value - median)).Order()]) * 1.4826;
            var spread = Math.Max(mad, Math.Max(Math.Abs(median) * SpreadFloor, 1e-9));
            var z = Math.Abs(latest[column] - median) / spread;
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
