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
    // Vectors of reference rows whose distances are summed together.
    private const int Block = 4;

    // Reference row r's scaled feature f is at [f * stride + r]; the stride is padded to whole blocks.
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
        var stride = (sample.Length + (Block * Vector<float>.Count) - 1) / (Block * Vector<float>.Count) * Block * Vector<float>.Count;
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

        // The k smallest, kept sorted; after the first few vectors of distances almost none holds one
        // smaller than the k-th, and a whole vector is passed over with one comparison.
        var nearest = scratch.Nearest.AsSpan(0, Neighbours);
        nearest.Fill(float.PositiveInfinity);
        var last = Neighbours - 1;
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(distances);
        for (var v = 0; v < vectors.Length; v++)
        {
            if (!Vector.LessThanAny(vectors[v], new Vector<float>(nearest[last])))
            {
                continue;
            }

            var end = Math.Min(referenceRows, (v + 1) * Vector<float>.Count);
            for (var r = v * Vector<float>.Count; r < end; r++)
            {
                var distance = distances[r];
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

    // Four vectors of reference rows at a time, their sums kept in registers across every feature,
    // instead of reading and writing the whole array of distances once per feature.
    private void SquaredDistances(ReadOnlySpan<float> scaled, Span<float> distances)
    {
        var sums = MemoryMarshal.Cast<float, Vector<float>>(distances);
        var columns = MemoryMarshal.Cast<float, Vector<float>>(reference);
        var perFeature = stride / Vector<float>.Count;
        for (var v = 0; v < perFeature; v += Block)
        {
            Vector<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            for (var f = 0; f < features; f++)
            {
                var value = new Vector<float>(scaled[f]);
                var column = columns.Slice((f * perFeature) + v, Block);
                var difference0 = column[0] - value;
                var difference1 = column[1] - value;
                var difference2 = column[2] - value;
                var difference3 = column[3] - value;
                sum0 = Vector.FusedMultiplyAdd(difference0, difference0, sum0);
                sum1 = Vector.FusedMultiplyAdd(difference1, difference1, sum1);
                sum2 = Vector.FusedMultiplyAdd(difference2, difference2, sum2);
                sum3 = Vector.FusedMultiplyAdd(difference3, difference3, sum3);
            }

            sums[v] = sum0;
            sums[v + 1] = sum1;
            sums[v + 2] = sum2;
            sums[v + 3] = sum3;
        }
    }
}
