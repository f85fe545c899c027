namespace Inspection.Rules.Anomalies;

/// <summary>
/// Maps a combined score to the share of calibration rows it exceeds (ties count half), interpolated
/// linearly between knots at up to 2,049 evenly spaced ranks of the rows' scores, so 0.99 reads "more
/// unusual than 99 % of the rows the model was fitted on". Beyond the lowest and highest rows the share
/// approaches 0 and 1 exponentially, over the scores' own spread, so the map stays strictly increasing
/// and never reaches either bound: rows more extreme than any seen are still told apart.
/// </summary>
internal sealed class ScoreCalibration
{
    private const int MaxKnots = 2049;

    private readonly double[] knots;
    private readonly double[] shares;
    private readonly double spread;

    private ScoreCalibration(double[] knots, double[] shares, double spread)
    {
        this.knots = knots;
        this.shares = shares;
        this.spread = spread;
    }

    public static ScoreCalibration Fit(double[] scores)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var knots = new List<double>();
        var shares = new List<double>();
        for (var k = 0; k < MaxKnots; k++)
        {
            // Knots at evenly spaced ranks: at most one every 1/2048 of the rows, so a lookup stays in
            // the L1 cache, and the map is still strictly increasing: rows keep their order.
            var value = sorted[(int)((long)k * (sorted.Length - 1) / (MaxKnots - 1))];
            if (knots.Count > 0 && knots[^1] == value)
            {
                continue;
            }

            var below = LowerBound(sorted, value);
            var atOrBelow = UpperBound(sorted, value);
            knots.Add(value);
            shares.Add((below + ((atOrBelow - below) / 2.0)) / sorted.Length);
        }

        var scale = RobustScale.Of(scores.ToArray());
        return new ScoreCalibration([.. knots], [.. shares], scale.IsConstant ? 1 : scale.Spread);
    }

    public double Calibrate(double score)
    {
        if (score <= knots[0])
        {
            return shares[0] * Math.Exp((score - knots[0]) / spread);
        }

        if (score >= knots[^1])
        {
            return 1 - ((1 - shares[^1]) * Math.Exp(-(score - knots[^1]) / spread));
        }

        // The last knot at or below the score, by a binary search whose halving is a conditional move.
        var below = 0;
        for (var length = knots.Length; length > 1; length -= length / 2)
        {
            var half = length / 2;
            below = knots[below + half] <= score ? below + half : below;
        }

        if (knots[below] == score)
        {
            return shares[below];
        }

        var position = (score - knots[below]) / (knots[below + 1] - knots[below]);
        return shares[below] + (position * (shares[below + 1] - shares[below]));
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        var index = LowerBound(sorted, value);
        while (index < sorted.Length && sorted[index] == value)
        {
            index++;
        }

        return index;
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<double>(knots);
        fingerprint.Add<double>(shares);
        fingerprint.Add(spread);
    }
}
