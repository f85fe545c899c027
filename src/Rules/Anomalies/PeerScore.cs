namespace Inspection.Rules.Anomalies;

/// <summary>
/// How unusual an enterprise is among its peers: the calibrated score (0 usual, 1 more unusual than every
/// peer), the features that make it so, the peer group it was judged in (which may be wider than its
/// own, when that was too small) and the model version that judged it.
/// </summary>
public sealed record PeerScore(double Score, IReadOnlyList<FeatureContribution> Features, PeerGroup JudgedIn, string ModelVersion);
