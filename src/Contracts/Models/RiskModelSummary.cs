namespace Inspection.Contracts.Models;

/// <summary>
/// One training of the risk models (mô hình rủi ro): when, on how many enterprises, the anomaly model's
/// version and peer groups, and the supervised model's version with its cross-validated ROC-AUC over the
/// past inspection outcomes, or why either stepped aside.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.RiskModelSummary")]
public sealed record RiskModelSummary(
    [property: Id(0)] DateTimeOffset TrainedAt,
    [property: Id(1)] int Enterprises,
    [property: Id(2)] string? AnomalyModelVersion,
    [property: Id(3)] int PeerGroups,
    [property: Id(4)] string? SupervisedModelVersion,
    [property: Id(5)] double? CrossValidatedAuc,
    [property: Id(6)] int Outcomes,
    [property: Id(7)] int ViolationsFound,
    [property: Id(8)] string? SupervisedStepsAsideBecause,
    [property: Id(9)] string? AnomalyStepsAsideBecause);
