using System.Runtime.CompilerServices;

namespace Inspection.Rules.Anomalies;

/// <summary>
/// Isolation Forest (Liu, Ting and Zhou, 2008): trees of random cuts grown on small samples; unusual
/// rows are isolated by few cuts. Small samples keep dense clusters of anomalies from masking each
/// other, and make fitting cost independent of the number of rows. Each tree is stored as a complete
/// binary tree as deep as the height limit, in flat arrays, a leaf reached early padded with cuts that
/// always go left: every row descends the same number of levels, without a branch to mispredict.
/// </summary>
internal sealed class IsolationForestMember : IAnomalyMember
{
    private readonly IsolationTrees trees;
    private readonly double normaliser;

    private IsolationForestMember(IsolationTrees trees, double normaliser)
    {
        this.trees = trees;
        this.normaliser = normaliser;
    }

    public AnomalyMembers Kind => AnomalyMembers.IsolationForest;

    public static IsolationForestMember Fit(FeatureMatrix rows, AnomalyOptions options, Random random)
    {
        var sampleSize = Math.Min(options.TreeSampleSize, rows.Rows);
        var seeds = new int[options.Trees];
        for (var t = 0; t < seeds.Length; t++)
        {
            seeds[t] = random.Next();
        }

        // Each tree has its own seed, so growing them in parallel gives the same forest every time.
        var trees = new IsolationTrees(options.Trees, IsolationTreeGrower.HeightLimit(sampleSize));
        Parallel.For(0, options.Trees, t => IsolationTreeGrower.Grow(rows, sampleSize, new Random(seeds[t]), trees, t));
        return new IsolationForestMember(trees, IsolationTreeGrower.ExpectedPathLength(sampleSize));
    }

    public double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch)
    {
        var features = trees.Features;
        var thresholds = trees.Thresholds;
        var leaves = trees.Leaves;
        var depth = trees.Depth;
        var total = 0.0;
        for (var t = 0; t < trees.Count; t++)
        {
            var offset = t * trees.SplitsPerTree;
            var node = 0;
            for (var level = 0; level < depth; level++)
            {
                // The comparison as 0 or 1, added instead of branched on: the right child follows the left.
                var right = Unsafe.BitCast<bool, byte>(raw[features[offset + node]] > thresholds[offset + node]);
                node = (2 * node) + 1 + right;
            }

            total += leaves[(t * trees.LeavesPerTree) + node - trees.SplitsPerTree];
        }

        return Math.Pow(2, -total / trees.Count / normaliser);
    }

    // Tree by tree over the whole block, so that the tree being descended stays in the L1 cache, and
    // four rows descend it together so that their chains of dependent loads overlap.
    public void Score(FeatureMatrix rows, int start, ReadOnlySpan<float> scaled, Span<double> scores, ScoringScratch scratch)
    {
        scores.Clear();
        var features = trees.Features;
        var thresholds = trees.Thresholds;
        var columns = rows.Columns;
        var block = rows.Block(start, scores.Length);
        var count = scores.Length;
        for (var t = 0; t < trees.Count; t++)
        {
            var offset = t * trees.SplitsPerTree;
            var leaves = trees.Leaves.AsSpan(t * trees.LeavesPerTree, trees.LeavesPerTree);
            var i = 0;
            for (; i + 4 <= count; i += 4)
            {
                var row0 = block.Slice(i * columns, columns);
                var row1 = block.Slice((i + 1) * columns, columns);
                var row2 = block.Slice((i + 2) * columns, columns);
                var row3 = block.Slice((i + 3) * columns, columns);
                int node0 = 0, node1 = 0, node2 = 0, node3 = 0;
                for (var level = 0; level < trees.Depth; level++)
                {
                    node0 = (2 * node0) + 1 + Unsafe.BitCast<bool, byte>(row0[features[offset + node0]] > thresholds[offset + node0]);
                    node1 = (2 * node1) + 1 + Unsafe.BitCast<bool, byte>(row1[features[offset + node1]] > thresholds[offset + node1]);
                    node2 = (2 * node2) + 1 + Unsafe.BitCast<bool, byte>(row2[features[offset + node2]] > thresholds[offset + node2]);
                    node3 = (2 * node3) + 1 + Unsafe.BitCast<bool, byte>(row3[features[offset + node3]] > thresholds[offset + node3]);
                }

                scores[i] += leaves[node0 - trees.SplitsPerTree];
                scores[i + 1] += leaves[node1 - trees.SplitsPerTree];
                scores[i + 2] += leaves[node2 - trees.SplitsPerTree];
                scores[i + 3] += leaves[node3 - trees.SplitsPerTree];
            }

            for (; i < count; i++)
            {
                var row = block.Slice(i * columns, columns);
                var node = 0;
                for (var level = 0; level < trees.Depth; level++)
                {
                    node = (2 * node) + 1 + Unsafe.BitCast<bool, byte>(row[features[offset + node]] > thresholds[offset + node]);
                }

                scores[i] += leaves[node - trees.SplitsPerTree];
            }
        }

        for (var i = 0; i < count; i++)
        {
            scores[i] = Math.Pow(2, -scores[i] / trees.Count / normaliser);
        }
    }

    // Each tree shares one unit among the features it cut on along the row's path: a row isolated by
    // a cut on one feature credits that feature in most trees, while the other cuts are spread thin.
    public void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions)
    {
        Span<int> path = stackalloc int[trees.Depth];
        for (var t = 0; t < trees.Count; t++)
        {
            var offset = t * trees.SplitsPerTree;
            var cuts = 0;
            var node = 0;
            for (var level = 0; level < trees.Depth; level++)
            {
                var threshold = trees.Thresholds[offset + node];
                var feature = trees.Features[offset + node];
                if (!double.IsPositiveInfinity(threshold))
                {
                    path[cuts++] = feature;
                }

                node = (2 * node) + (raw[feature] > threshold ? 2 : 1);
            }

            foreach (var feature in path[..cuts])
            {
                contributions[feature] += 1.0 / cuts / trees.Count;
            }
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<int>(trees.Features);
        fingerprint.Add<double>(trees.Thresholds);
        fingerprint.Add<double>(trees.Leaves);
        fingerprint.Add(normaliser);
    }
}
