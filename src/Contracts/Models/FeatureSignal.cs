namespace Inspection.Contracts.Models;

/// <summary>
/// A score (0–1) and the feature behind it: its name, the enterprise's value, and the median it was compared
/// with. For its own history the score is the calibrated one; for a feature among its peers, the feature's
/// share of the enterprise's unusualness.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.FeatureSignal")]
public sealed record FeatureSignal(
    [property: Id(0)] double Score,
    [property: Id(1)] string Feature,
    [property: Id(2)] double Value,
    [property: Id(3)] double Median);
