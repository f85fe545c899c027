namespace Inspection.Rules.Anomalies;

/// <summary>Grows one isolation tree on a random sample of rows into its place in <see cref="IsolationTrees"/>.</summary>
internal static class IsolationTreeGrower
{
    private const double EulerGamma = 0.5772156649015329;

    /// <summary>c(n), the average path length of an unsuccessful search in a binary search tree of n rows.</summary>
    public static double ExpectedPathLength(int rows) => rows switch
    {
        <= 1 => 0,
        2 => 1,
        _ => (2 * (Math.Log(rows - 1) + EulerGamma)) - (2.0 * (rows - 1) / rows),
    };

    /// <summary>The paper's height limit, log2 of the sample size: deeper cuts only separate usual rows.</summary>
    public static int HeightLimit(int sampleSize) => (int)Math.Ceiling(Math.Log2(Math.Max(2, sampleSize)));

    public static void Grow(FeatureMatrix rows, int sampleSize, Random random, IsolationTrees trees, int tree)
    {
        var sample = Sampling.WithoutReplacement(rows.Rows, sampleSize, random);
        var features = Enumerable.Range(0, rows.Columns).ToArray();
        Grow(new Growth(rows, sample, features, random, trees, tree), 0, 0, sample.Length, 0);
    }

    private static void Grow(Growth growth, int node, int start, int end, int depth)
    {
        var trees = growth.Trees;
        var at = (growth.Tree * trees.SplitsPerTree) + node;
        var size = end - start;
        if (depth == trees.Depth)
        {
            trees.Leaves[(growth.Tree * trees.LeavesPerTree) + node - trees.SplitsPerTree] = depth + ExpectedPathLength(size);
            return;
        }

        if (size <= 1 || !TryPickCut(growth, start, end, out var feature, out var threshold))
        {
            // A leaf above the last level: cuts that send every row left, down to the leaf it stands for.
            trees.Features[at] = 0;
            trees.Thresholds[at] = double.PositiveInfinity;
            Pad(growth, (2 * node) + 1, depth + 1, depth + ExpectedPathLength(size));
            Pad(growth, (2 * node) + 2, depth + 1, depth + ExpectedPathLength(size));
            return;
        }

        var middle = Partition(growth, start, end, feature, threshold);
        trees.Features[at] = feature;
        trees.Thresholds[at] = threshold;
        Grow(growth, (2 * node) + 1, start, middle, depth + 1);
        Grow(growth, (2 * node) + 2, middle, end, depth + 1);
    }

    private static void Pad(Growth growth, int node, int depth, double pathLength)
    {
        var trees = growth.Trees;
        if (depth == trees.Depth)
        {
            trees.Leaves[(growth.Tree * trees.LeavesPerTree) + node - trees.SplitsPerTree] = pathLength;
            return;
        }

        var at = (growth.Tree * trees.SplitsPerTree) + node;
        trees.Features[at] = 0;
        trees.Thresholds[at] = double.PositiveInfinity;
        Pad(growth, (2 * node) + 1, depth + 1, pathLength);
        Pad(growth, (2 * node) + 2, depth + 1, pathLength);
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

    private sealed record Growth(FeatureMatrix Rows, int[] Sample, int[] Features, Random Random, IsolationTrees Trees, int Tree);
}
