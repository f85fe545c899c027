namespace Inspection.Rules.Anomalies;

/// <summary>
/// One node of an isolation tree, 16 bytes, so that a path down a tree reads one cache line per node.
/// A split sends x[Feature] ≤ Value to node Left and the rest to Left + 1; a leaf (Feature −1) holds in
/// Value the path length it stands for: its depth plus the expected depth of the rows it still holds.
/// </summary>
internal readonly record struct IsolationNode(int Feature, int Left, double Value)
{
    public bool IsLeaf => Feature < 0;
}
