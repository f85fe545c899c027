namespace Inspection.Contracts.Models;

/// <summary>
/// What the risk models made of an enterprise: how unusual it is among its peers (the calibrated score,
/// the features that make it so with their share, and the peer group it was judged in), how unusual its
/// latest month is against its own history, and the supervised model's probability that an inspection
/// would find a violation, each with the version of the model that said it (null when that model had
/// nothing to say).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ModelScores")]
public sealed record ModelScores(
    [property: Id(0)] double? AnomalyScore,
    [property: Id(1)] IReadOnlyList<FeatureSignal> AnomalyFeatures,
    [property: Id(2)] string? PeerGroup,
    [property: Id(3)] string? AnomalyModelVersion,
    [property: Id(4)] FeatureSignal? History,
    [property: Id(5)] double? ViolationProbability,
    [property: Id(6)] string? SupervisedModelVersion);
