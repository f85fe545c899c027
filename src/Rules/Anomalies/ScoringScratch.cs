namespace Inspection.Rules.Anomalies;

/// <summary>
/// Working memory for scoring one row, kept per thread so that scoring allocates nothing once a
/// thread has scored its first row with a model at least as large.
/// </summary>
internal sealed class ScoringScratch
{
    [ThreadStatic]
    private static ScoringScratch? cached;

    /// <summary>Rows scored together in a batch: enough to amortise a pass over a tree, few enough to stay in the L1 cache.</summary>
    public const int BlockRows = 128;

    private ScoringScratch(int scaled, int distances, int neighbours, int members)
    {
        Scaled = new float[scaled];
        ScaledBlock = new float[scaled * BlockRows];
        MemberBlock = new double[members * BlockRows];
        Distances = new float[distances];
        Nearest = new float[neighbours];
        MemberScores = new double[members];
    }

    public float[] Scaled { get; }

    public float[] ScaledBlock { get; }

    public double[] MemberBlock { get; }

    public float[] Distances { get; }

    public float[] Nearest { get; }

    public double[] MemberScores { get; }

    public static ScoringScratch For(int scaled, int distances, int neighbours, int members)
    {
        var scratch = cached;
        if (scratch is null || scratch.Scaled.Length < scaled || scratch.Distances.Length < distances
            || scratch.Nearest.Length < neighbours || scratch.MemberScores.Length < members)
        {
            scratch = new ScoringScratch(
                Math.Max(scaled, scratch?.Scaled.Length ?? 0),
                Math.Max(distances, scratch?.Distances.Length ?? 0),
                Math.Max(neighbours, scratch?.Nearest.Length ?? 0),
                Math.Max(members, scratch?.MemberScores.Length ?? 0));
            cached = scratch;
        }

        return scratch;
    }
}
