namespace Inspection.Rules.Anomalies;

/// <summary>One detector of the ensemble, fitted and immutable: higher scores are more unusual.</summary>
internal interface IAnomalyMember
{
    AnomalyMembers Kind { get; }

    /// <summary>Scores a row given as it is (<paramref name="raw"/>) and robustly scaled (<paramref name="scaled"/>).</summary>
    double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch);

    /// <summary>
    /// Scores <paramref name="scores"/>.Length rows of <paramref name="rows"/> from <paramref name="start"/>,
    /// whose scaled features lie one row after another in <paramref name="scaled"/>.
    /// </summary>
    void Score(FeatureMatrix rows, int start, ReadOnlySpan<float> scaled, Span<double> scores, ScoringScratch scratch)
    {
        var width = scores.Length == 0 ? 0 : scaled.Length / scores.Length;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(rows.Row(start + i), scaled.Slice(i * width, width), scratch);
        }
    }

    /// <summary>Adds each feature's non-negative part in this row's score to <paramref name="contributions"/> (one per column).</summary>
    void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions);

    /// <summary>Adds every learnt parameter to the model's fingerprint.</summary>
    void AddTo(ModelFingerprint fingerprint);
}
