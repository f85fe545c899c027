namespace Inspection.Rules.Anomalies;

/// <summary>Grows one isolation tree on a random sample of rows, as a flat array of nodes.</summary>
internal static class IsolationTreeGrower
{
    /// <summary>Deeper than any tree grows: the height limit is log2 of at most 2^31 rows.</summary>
    public const int MaxDepth = 32;

    private const double EulerGamma = 0.5772156649015329;

    /// <summary>c(n), the average path length of an unsuccessful search in a binary search tree of n rows.</summary>
    public static double ExpectedPathLength(int rows) => rows switch
    {
        <= 1 => 0,
        2 => 1,
        _ => (2 * (Math.Log(rows - 1) + EulerGamma)) - (2.0 * (rows - 1) / rows),
    };

    public static IsolationNode[] Grow(FeatureMatrix rows, int sampleSize, Random random)
    {
        var sample = Sampling.WithoutReplacement(rows.Rows, sampleSize, random);
        var heightLimit = (int)Math.Ceiling(Math.Log2(Math.Max(2, sampleSize)));
        var nodes = new List<IsolationNode> { default };
        var features = Enumerable.Range(0, rows.Columns).ToArray();
        Grow(new Growth(rows, sample, nodes, features, random, heightLimit), 0, 0, sample.Length, 0);
        return [.. nodes];
    }

    private static void Grow(Growth growth, int node, int start, int end, int depth)
    {
        var size = end - start;
        if (depth >= growth.HeightLimit || size <= 1 || !TryPickCut(growth, start, end, out var feature, out var threshold))
        {
            growth.Nodes[node] = new IsolationNode(-1, 0, depth + ExpectedPathLength(size));
            return;
        }

        var middle = Partition(growth, start, end, feature, threshold);
        var left = growth.Nodes.Count;
        growth.Nodes.Add(default);
        growth.Nodes.Add(default);
        growth.Nodes[node] = new IsolationNode(feature, left, threshold);
        Grow(growth, left, start, middle, depth + 1);
        Grow(growth, left + 1, middle, end, depth + 1);
    }

    // A random feature that still varies among the node's rows (features are tried in a random order
    // until one does), cut uniformly between its minimum and maximum there.
    private static bool TryPickCut(Growth growth, int start, int end, out int feature, out double threshold)
    {
        var features = growth.Features;
        for (var tried = 0; tried < features.Length; tried++)
        {
            var pick = growth.Random.Next(tried, features.Length);
            (features[tried], features[pick]) = (features[pick], features[tried]);
            feature = features[tried];
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = start; i < end; i++)
            {
                var value = growth.Rows.Row(growth.Sample[i])[feature];
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            if (max > min)
            {
                // Values ≤ threshold go left; a threshold below max keeps the maximum on the right.
                threshold = min + (growth.Random.NextDouble() * (max - min));
                threshold = threshold < max ? threshold : min;
                return true;
            }
        }

        feature = -1;
        threshold = 0;
        return false;
    }

    private static int Partition(Growth growth, int start, int end, int feature, double threshold)
    {
        var sample = growth.Sample;
        var middle = start;
        for (var i = start; i < end; i++)
        {
            if (growth.Rows.Row(sample[i])[feature] <= threshold)
            {
                (sample[middle], sample[i]) = (sample[i], sample[middle]);
                middle++;
            }
        }

        return middle;
    }

    private sealed record Growth(FeatureMatrix Rows, int[] Sample, List<IsolationNode> Nodes, int[] Features, Random Random, int HeightLimit);
}
