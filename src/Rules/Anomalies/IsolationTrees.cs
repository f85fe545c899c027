namespace Inspection.Rules.Anomalies;

/// <summary>
/// A forest's trees as complete binary trees of one depth, in flat arrays. Tree t's node i (children
/// 2i + 1 and 2i + 2) cuts on Features[t · SplitsPerTree + i] at the threshold beside it, sending larger
/// values right; Leaves[t · LeavesPerTree + j] is the path length the j-th leaf stands for (its depth
/// plus the expected depth of the sample rows it still holds).
/// </summary>
internal sealed class IsolationTrees
{
    public IsolationTrees(int count, int depth)
    {
        Count = count;
        Depth = depth;
        LeavesPerTree = 1 << depth;
        SplitsPerTree = LeavesPerTree - 1;
        Features = new int[count * SplitsPerTree];
        Thresholds = new double[count * SplitsPerTree];
        Leaves = new double[count * LeavesPerTree];
    }

    public int Count { get; }

    public int Depth { get; }

    public int SplitsPerTree { get; }

    public int LeavesPerTree { get; }

    public int[] Features { get; }

    public double[] Thresholds { get; }

    public double[] Leaves { get; }
}
