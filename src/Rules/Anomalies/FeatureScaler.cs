namespace Inspection.Rules.Anomalies;

/// <summary>
/// Robust z-scores of each feature, (x − median) / spread, for the distance-based members: a feature's
/// unit is its own typical spread, so no feature outweighs the others by its unit, and a few extreme
/// rows do not shrink everyone else towards zero as a standard deviation would. Constant features (no
/// spread) are left out of the scaled row; ECOD still sees a value that differs from their constant.
/// </summary>
internal sealed class FeatureScaler
{
    // A billion spreads away is as unusual as a row can be told to be; beyond it squared distances
    // summed in single precision could overflow and turn scores into NaN.
    private const double Limit = 1e9;

    private readonly double[] centres;
    private readonly double[] inverseSpreads;

    private FeatureScaler(double[] medians, int[] active, double[] centres, double[] inverseSpreads)
    {
        Medians = medians;
        Active = active;
        this.centres = centres;
        this.inverseSpreads = inverseSpreads;
    }

    /// <summary>Each column's median, for explanations.</summary>
    public double[] Medians { get; }

    /// <summary>The columns with a spread, in order: position i of a scaled row is column Active[i].</summary>
    public int[] Active { get; }

    public static FeatureScaler Fit(FeatureMatrix rows, int[] sample)
    {
        var medians = new double[rows.Columns];
        var active = new List<int>();
        var centres = new List<double>();
        var inverseSpreads = new List<double>();
        var column = new double[sample.Length];
        for (var j = 0; j < rows.Columns; j++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                column[i] = rows.Row(sample[i])[j];
            }

            var scale = RobustScale.Of(column);
            medians[j] = scale.Median;
            if (!scale.IsConstant)
            {
                active.Add(j);
                centres.Add(scale.Median);
                inverseSpreads.Add(1 / scale.Spread);
            }
        }

        return new FeatureScaler(medians, [.. active], [.. centres], [.. inverseSpreads]);
    }

    public void Scale(ReadOnlySpan<double> raw, Span<float> scaled)
    {
        for (var i = 0; i < Active.Length; i++)
        {
            scaled[i] = (float)Math.Clamp((raw[Active[i]] - centres[i]) * inverseSpreads[i], -Limit, Limit);
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<int>(Active);
        fingerprint.Add<double>(Medians);
        fingerprint.Add<double>(centres);
        fingerprint.Add<double>(inverseSpreads);
    }
}
