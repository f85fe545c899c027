namespace Inspection.Rules.Anomalies;

/// <summary>
/// Working memory for scoring one row, kept per thread so that scoring allocates nothing once a
/// thread has scored its first row with a model at least as large.
/// </summary>
internal sealed class ScoringScratch
{
    [ThreadStatic]
    private static ScoringScratch? cached;

    private ScoringScratch(int scaled, int distances, int neighbours, int members)
    {
        Scaled = new float[scaled];
        Distances = new float[distances];
        Nearest = new float[neighbours];
        MemberScores = new double[members];
    }

    public float[] Scaled { get; }

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
