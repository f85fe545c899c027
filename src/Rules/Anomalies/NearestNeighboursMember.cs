using System.Numerics;
using System.Runtime.InteropServices;

namespace Inspection.Rules.Anomalies;

/// <summary>
/// The mean distance from a row to its k nearest rows of a reference sample, on robustly scaled
/// features: local and multi-modal anomalies, which single-feature detectors miss, are far from every
/// cluster. The reference is stored feature by feature, so that the distances to all its rows are
/// computed a SIMD vector of reference rows at a time whatever the number of features.
/// </summary>
internal sealed class NearestNeighboursMember : IAnomalyMember
{
    // Reference row r's scaled feature f is at [f * stride + r]; the stride is padded to whole vectors.
    private readonly float[] reference;
    private readonly int referenceRows;
    private readonly int stride;
    private readonly int features;
    private readonly int[] active;

    private NearestNeighboursMember(float[] reference, int referenceRows, int stride, int[] active, int neighbours)
    {
        this.reference = reference;
        this.referenceRows = referenceRows;
        this.stride = stride;
        this.active = active;
        features = active.Length;
        Neighbours = neighbours;
    }

    public AnomalyMembers Kind => AnomalyMembers.NearestNeighbours;

    /// <summary>Distances averaged per row: at most a quarter of the reference, so that a row's neighbours are its own region.</summary>
    public int Neighbours { get; }

    /// <summary>Floats of working memory a row's distances take.</summary>
    public int Stride => stride;

    public static NearestNeighboursMember Fit(FeatureMatrix rows, FeatureScaler scaler, AnomalyOptions options, Random random)
    {
        var sample = Sampling.WithoutReplacement(rows.Rows, options.ReferenceSize, random);
        var features = scaler.Active.Length;
        var stride = (sample.Length + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var reference = new float[Math.Max(1, features) * stride];
        var scaled = new float[features];
        for (var r = 0; r < sample.Length; r++)
        {
            scaler.Scale(rows.Row(sample[r]), scaled);
            for (var f = 0; f < features; f++)
            {
                reference[(f * stride) + r] = scaled[f];
            }
        }

        var neighbours = Math.Clamp(Math.Min(options.Neighbours, sample.Length / 4), 1, sample.Length);
        return new NearestNeighboursMember(reference, sample.Length, stride, scaler.Active, neighbours);
    }

    public double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch)
    {
        var distances = scratch.Distances.AsSpan(0, stride);
        SquaredDistances(scaled, distances);

        // The k smallest, kept sorted; after the first few rows almost every distance fails the first test.
        var nearest = scratch.Nearest.AsSpan(0, Neighbours);
        nearest.Fill(float.PositiveInfinity);
        var last = Neighbours - 1;
        foreach (var distance in distances[..referenceRows])
        {
            if (distance < nearest[last])
            {
                var i = last;
                while (i > 0 && nearest[i - 1] > distance)
                {
                    nearest[i] = nearest[i - 1];
                    i--;
                }

                nearest[i] = distance;
            }
        }

        var total = 0.0;
        foreach (var distance in nearest)
        {
            total += Math.Sqrt(distance);
        }

        return total / Neighbours;
    }

    public void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions)
    {
        var distances = new float[stride];
        SquaredDistances(scaled, distances);
        var order = Enumerable.Range(0, referenceRows).OrderBy(r => distances[r]).Take(Neighbours);
        foreach (var r in order)
        {
            for (var f = 0; f < features; f++)
            {
                var difference = scaled[f] - reference[(f * stride) + r];
                contributions[active[f]] += difference * difference / Neighbours;
            }
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<float>(reference);
        fingerprint.Add(referenceRows);
        fingerprint.Add(Neighbours);
    }

    private void SquaredDistances(ReadOnlySpan<float> scaled, Span<float> distances)
    {
        distances.Clear();
        var sums = MemoryMarshal.Cast<float, Vector<float>>(distances);
        for (var f = 0; f < features; f++)
        {
            var value = new Vector<float>(scaled[f]);
            var column = MemoryMarshal.Cast<float, Vector<float>>(reference.AsSpan(f * stride, stride));
            for (var v = 0; v < sums.Length; v++)
            {
                var difference = column[v] - value;
                sums[v] += difference * difference;
            }
        }
    }
}
