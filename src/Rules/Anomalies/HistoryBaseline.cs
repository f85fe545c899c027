namespace Inspection.Rules.Anomalies;

/// <summary>
/// What enterprises commonly did in their latest month (<see cref="OwnHistory.Baseline"/>): per feature,
/// the median change from their own history and the robust spread of those changes.
/// </summary>
public sealed record HistoryBaseline(IReadOnlyList<double> Shift, IReadOnlyList<double> Floor);
