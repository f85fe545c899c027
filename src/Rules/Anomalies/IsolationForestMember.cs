namespace Inspection.Rules.Anomalies;

/// <summary>
/// Isolation Forest (Liu, Ting and Zhou, 2008): trees of random cuts grown on small samples; unusual
/// rows are isolated by few cuts. Small samples keep dense clusters of anomalies from masking each
/// other, and make fitting cost independent of the number of rows. All trees live in one flat array.
/// </summary>
internal sealed class IsolationForestMember : IAnomalyMember
{
    private readonly IsolationNode[] nodes;
    private readonly int[] roots;
    private readonly double normaliser;

    private IsolationForestMember(IsolationNode[] nodes, int[] roots, double normaliser)
    {
        this.nodes = nodes;
        this.roots = roots;
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
        var trees = new IsolationNode[options.Trees][];
        Parallel.For(0, trees.Length, t => trees[t] = IsolationTreeGrower.Grow(rows, sampleSize, new Random(seeds[t])));

        var roots = new int[trees.Length];
        var nodes = new IsolationNode[trees.Sum(tree => tree.Length)];
        var offset = 0;
        for (var t = 0; t < trees.Length; t++)
        {
            roots[t] = offset;
            foreach (var node in trees[t])
            {
                nodes[offset++] = node.IsLeaf ? node : node with { Left = node.Left + roots[t] };
            }
        }

        return new IsolationForestMember(nodes, roots, IsolationTreeGrower.ExpectedPathLength(sampleSize));
    }

    public double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch)
    {
        var total = 0.0;
        foreach (var root in roots)
        {
            var node = nodes[root];
            while (!node.IsLeaf)
            {
                node = nodes[raw[node.Feature] <= node.Value ? node.Left : node.Left + 1];
            }

            total += node.Value;
        }

        return Math.Pow(2, -total / roots.Length / normaliser);
    }

    // Each tree shares one unit among the features it cut on along the row's path: a row isolated by
    // a cut on one feature credits that feature in most trees, while the other cuts are spread thin.
    public void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions)
    {
        Span<int> path = stackalloc int[IsolationTreeGrower.MaxDepth];
        foreach (var root in roots)
        {
            var depth = 0;
            var node = nodes[root];
            while (!node.IsLeaf)
            {
                path[depth++] = node.Feature;
                node = nodes[raw[node.Feature] <= node.Value ? node.Left : node.Left + 1];
            }

            foreach (var feature in path[..depth])
            {
                contributions[feature] += 1.0 / depth / roots.Length;
            }
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<IsolationNode>(nodes);
        fingerprint.Add<int>(roots);
        fingerprint.Add(normaliser);
    }
}
