namespace Inspection.Rules.Anomalies;

/// <summary>
/// What enterprises commonly did in their latest month (<see cref="OwnHistory.Baseline"/>): per feature,
/// the median change from their own history, the robust spread of those changes, and the robust spread of
/// the changes as a share of the enterprises' own levels.
/// </summary>
public sealed record HistoryBaseline(IReadOnlyList<double> Shift, IReadOnlyList<double> Floor, IReadOnlyList<double> RelativeFloor);
