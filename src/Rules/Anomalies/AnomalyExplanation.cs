namespace Inspection.Rules.Anomalies;

/// <summary>A row's anomaly score, the model that gave it, and the features that made it.</summary>
/// <param name="Score">The calibrated score, from 0 to 1, as <see cref="AnomalyEnsemble.Score(ReadOnlySpan{double})"/> gives it.</param>
/// <param name="ModelVersion">The <see cref="AnomalyEnsemble.Version"/> of the model.</param>
/// <param name="Features">The features that contribute most, largest share first.</param>
public sealed record AnomalyExplanation(double Score, string ModelVersion, IReadOnlyList<FeatureContribution> Features);
