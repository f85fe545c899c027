namespace Inspection.Rules.Anomalies;

/// <summary>
/// Maps a combined score to the share of calibration rows it exceeds (ties count half), interpolated
/// linearly between the rows' distinct scores, so 0.99 reads "more unusual than 99 % of the rows the
/// model was fitted on". Beyond the lowest and highest rows the share approaches 0 and 1
/// exponentially, over the scores' own spread, so the map stays strictly increasing and never reaches
/// either bound: rows more extreme than any seen are still told apart.
/// </summary>
internal sealed class ScoreCalibration
{
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
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            knots.Add(sorted[start]);
            shares.Add((start + ((end - start) / 2.0)) / sorted.Length);
            start = end;
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

        var above = Array.BinarySearch(knots, score);
        if (above >= 0)
        {
            return shares[above];
        }

        above = ~above;
        var below = above - 1;
        var position = (score - knots[below]) / (knots[above] - knots[below]);
        return shares[below] + (position * (shares[above] - shares[below]));
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<double>(knots);
        fingerprint.Add<double>(shares);
        fingerprint.Add(spread);
    }
}
