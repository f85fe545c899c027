namespace Inspection.Rules.Anomalies;

/// <summary>The fitted detectors and the feature scaling they share; gives each member's own, unstandardised score.</summary>
internal sealed class MemberSet
{
    private readonly int distances;
    private readonly int neighbours;

    private MemberSet(FeatureScaler scaler, IAnomalyMember[] members)
    {
        Scaler = scaler;
        Members = members;
        var nearest = members.OfType<NearestNeighboursMember>().SingleOrDefault();
        distances = nearest?.Stride ?? 0;
        neighbours = nearest?.Neighbours ?? 0;
    }

    public FeatureScaler Scaler { get; }

    public IAnomalyMember[] Members { get; }

    public int Count => Members.Length;

    /// <exception cref="ArgumentException">Only PCA was asked for and it cannot be fitted to these rows.</exception>
    public static MemberSet Fit(FeatureMatrix rows, AnomalyOptions options, Random random)
    {
        var fitSample = Sampling.WithoutReplacement(rows.Rows, options.FitSampleSize, random);
        var scaler = FeatureScaler.Fit(rows, fitSample);
        var members = new List<IAnomalyMember>();
        if (options.Members.HasFlag(AnomalyMembers.Pca) && PcaMember.Fit(rows, scaler, fitSample, options.Seed) is { } pca)
        {
            members.Add(pca);
        }

        if (options.Members.HasFlag(AnomalyMembers.Ecod))
        {
            members.Add(EcodMember.Fit(rows, fitSample));
        }

        if (options.Members.HasFlag(AnomalyMembers.IsolationForest))
        {
            members.Add(IsolationForestMember.Fit(rows, options, random));
        }

        if (options.Members.HasFlag(AnomalyMembers.NearestNeighbours))
        {
            members.Add(NearestNeighboursMember.Fit(rows, scaler, options, random));
        }

        return members.Count > 0 ? new MemberSet(scaler, [.. members])
            : throw new ArgumentException("PCA alone was asked for, but the rows have fewer than two varying features, or fewer rows than twice as many: there is no subspace to learn.", nameof(options));
    }

    public ScoringScratch Scratch() => ScoringScratch.For(Scaler.Active.Length, distances, neighbours, Members.Length);

    /// <summary>Each member's score of one row, into <paramref name="scores"/> (one per member).</summary>
    public void Score(ReadOnlySpan<double> row, Span<double> scores)
    {
        var scratch = Scratch();
        var scaled = scratch.Scaled.AsSpan(0, Scaler.Active.Length);
        Scaler.Scale(row, scaled);
        for (var m = 0; m < Members.Length; m++)
        {
            scores[m] = Members[m].Score(row, scaled, scratch);
        }
    }

    /// <summary>
    /// Each member's scores of <paramref name="count"/> rows from <paramref name="start"/>, member after
    /// member: member m's score of row i at [m · count + i]. Each member scores the whole block before
    /// the next, so that its model stays in the cache.
    /// </summary>
    public void Score(FeatureMatrix rows, int start, int count, Span<double> scores)
    {
        var width = Scaler.Active.Length;
        var scratch = Scratch();
        var scaled = scratch.ScaledBlock.AsSpan(0, count * width);
        for (var i = 0; i < count; i++)
        {
            Scaler.Scale(rows.Row(start + i), scaled.Slice(i * width, width));
        }

        for (var m = 0; m < Members.Length; m++)
        {
            Members[m].Score(rows, start, scaled, scores.Slice(m * count, count), scratch);
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        Scaler.AddTo(fingerprint);
        foreach (var member in Members)
        {
            fingerprint.Add(member.Kind.ToString());
            member.AddTo(fingerprint);
        }
    }
}
