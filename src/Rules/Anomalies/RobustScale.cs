namespace Inspection.Rules.Anomalies;

/// <summary>
/// A centre and a spread that a few extreme values cannot move: the median and the median absolute
/// deviation (scaled to a normal's standard deviation). Where more than half the values are equal the
/// MAD is zero, so it falls back to the mean absolute deviation from the median, then reports zero.
/// </summary>
internal readonly record struct RobustScale(double Median, double Spread)
{
    private const double MadToStandardDeviation = 1.4826;
    private const double MeanDeviationToStandardDeviation = 1.2533;

    public bool IsConstant => Spread == 0;

    /// <summary>Scale of <paramref name="values"/>, which it reorders.</summary>
    public static RobustScale Of(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return new RobustScale(0, 0);
        }

        values.Sort();
        var median = SortedMedian(values);
        var meanDeviation = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
            meanDeviation += values[i];
        }

        meanDeviation /= values.Length;
        values.Sort();
        var mad = SortedMedian(values);

        // A spread below the doubles' resolution at this magnitude is a constant column, not a tiny scale.
        var resolution = 1e-12 * Math.Max(1, Math.Abs(median));
        var spread = mad * MadToStandardDeviation > resolution ? mad * MadToStandardDeviation
            : meanDeviation * MeanDeviationToStandardDeviation > resolution ? meanDeviation * MeanDeviationToStandardDeviation
            : 0;
        return new RobustScale(median, spread);
    }

    /// <summary>How many spreads <paramref name="value"/> lies from the median; 0 for a constant.</summary>
    public double Standardize(double value) => IsConstant ? 0 : (value - Median) / Spread;

    private static double SortedMedian(ReadOnlySpan<double> sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
