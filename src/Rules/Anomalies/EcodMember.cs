namespace Inspection.Rules.Anomalies;

/// <summary>
/// ECOD (Li et al., 2022): for each feature, the empirical probability of a value at least as extreme
/// in the left and in the right tail; a row's score is the largest of −Σ log p over the left tails,
/// over the right tails, and over each feature's skewed tail. Parameter-free and indifferent to units,
/// heavy tails and ties, so it holds where distance-based members are misled.
/// </summary>
internal sealed class EcodMember : IAnomalyMember
{
    private readonly EcodColumn[] columns;
    private readonly bool[] leftSkewed;

    private EcodMember(EcodColumn[] columns, bool[] leftSkewed)
    {
        this.columns = columns;
        this.leftSkewed = leftSkewed;
    }

    public AnomalyMembers Kind => AnomalyMembers.Ecod;

    public static EcodMember Fit(FeatureMatrix rows, int[] sample)
    {
        var columns = new EcodColumn[rows.Columns];
        var leftSkewed = new bool[rows.Columns];
        var values = new double[sample.Length];
        for (var j = 0; j < rows.Columns; j++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                values[i] = rows.Row(sample[i])[j];
            }

            Array.Sort(values);
            columns[j] = EcodColumn.Of(values);
            leftSkewed[j] = Skewness(values) < 0;
        }

        return new EcodMember(columns, leftSkewed);
    }

    public double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch)
    {
        double left = 0, right = 0, skewed = 0;
        for (var j = 0; j < columns.Length; j++)
        {
            var (l, r) = columns[j].Surprises(raw[j]);
            left += l;
            right += r;
            skewed += leftSkewed[j] ? l : r;
        }

        return Math.Max(skewed, Math.Max(left, right));
    }

    public void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions)
    {
        double left = 0, right = 0, skewed = 0;
        for (var j = 0; j < columns.Length; j++)
        {
            var (l, r) = columns[j].Surprises(raw[j]);
            left += l;
            right += r;
            skewed += leftSkewed[j] ? l : r;
        }

        // Explain with the tails the score was taken from.
        for (var j = 0; j < columns.Length; j++)
        {
            var (l, r) = columns[j].Surprises(raw[j]);
            contributions[j] += skewed >= left && skewed >= right ? (leftSkewed[j] ? l : r) : left >= right ? l : r;
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        foreach (var column in columns)
        {
            column.AddTo(fingerprint);
        }

        fingerprint.Add<bool>(leftSkewed);
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
