namespace Inspection.Rules.Anomalies;

/// <summary>
/// ECOD (Li et al., 2022): for each feature, the empirical probability of a value at least as extreme
/// in the left and in the right tail; a row's score is the largest of −Σ log p over the left tails,
/// over the right tails, and over each feature's skewed tail. Parameter-free and indifferent to units,
/// heavy tails and ties, so it holds where distance-based members are misled.
/// </summary>
internal sealed class EcodMember : IAnomalyMember
{
    // Each column's sample values, sorted: counting those below or above a value is a binary search.
    private readonly double[][] sorted;
    private readonly bool[] leftSkewed;

    private EcodMember(double[][] sorted, bool[] leftSkewed)
    {
        this.sorted = sorted;
        this.leftSkewed = leftSkewed;
    }

    public AnomalyMembers Kind => AnomalyMembers.Ecod;

    public static EcodMember Fit(FeatureMatrix rows, int[] sample)
    {
        var sorted = new double[rows.Columns][];
        var leftSkewed = new bool[rows.Columns];
        for (var j = 0; j < rows.Columns; j++)
        {
            var column = new double[sample.Length];
            for (var i = 0; i < sample.Length; i++)
            {
                column[i] = rows.Row(sample[i])[j];
            }

            Array.Sort(column);
            sorted[j] = column;
            leftSkewed[j] = Skewness(column) < 0;
        }

        return new EcodMember(sorted, leftSkewed);
    }

    public double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch)
    {
        double left = 0, right = 0, skewed = 0;
        for (var j = 0; j < sorted.Length; j++)
        {
            var (l, r) = Surprises(j, raw[j]);
            left += l;
            right += r;
            skewed += leftSkewed[j] ? l : r;
        }

        return Math.Max(skewed, Math.Max(left, right));
    }

    public void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions)
    {
        double left = 0, right = 0, skewed = 0;
        for (var j = 0; j < sorted.Length; j++)
        {
            var (l, r) = Surprises(j, raw[j]);
            left += l;
            right += r;
            skewed += leftSkewed[j] ? l : r;
        }

        // Explain with the tails the score was taken from.
        for (var j = 0; j < sorted.Length; j++)
        {
            var (l, r) = Surprises(j, raw[j]);
            contributions[j] += skewed >= left && skewed >= right ? (leftSkewed[j] ? l : r) : left >= right ? l : r;
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        foreach (var column in sorted)
        {
            fingerprint.Add<double>(column);
        }

        fingerprint.Add<bool>(leftSkewed);
    }

    // −log of the smoothed tail probabilities (count + 1) / (n + 1): finite outside the training range,
    // and zero surprise for a value every training row shares.
    private (double Left, double Right) Surprises(int column, double value)
    {
        var values = sorted[column];
        var n = values.Length;
        var atOrBelow = UpperBound(values, value);
        var atOrAbove = n - LowerBound(values, value);
        return (-Math.Log((atOrBelow + 1.0) / (n + 1)), -Math.Log((atOrAbove + 1.0) / (n + 1)));
    }

    private static int LowerBound(double[] values, double value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (values[middle] < value)
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

    private static int UpperBound(double[] values, double value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (values[middle] <= value)
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

    private static double Skewness(double[] values)
    {
        var mean = values.Average();
        double second = 0, third = 0;
        foreach (var value in values)
        {
            var deviation = value - mean;
            second += deviation * deviation;
            third += deviation * deviation * deviation;
        }

        return second == 0 ? 0 : third / values.Length / Math.Pow(second / values.Length, 1.5);
    }
}
