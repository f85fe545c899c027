namespace Inspection.Rules.Anomalies;

/// <summary>One feature's part in why a row is unusual.</summary>
/// <param name="Index">The feature's column.</param>
/// <param name="Name">The feature's name.</param>
/// <param name="Value">The row's value.</param>
/// <param name="Median">The feature's median over the rows the model was fitted on: what is usual.</param>
/// <param name="Share">The feature's share of the row's unusualness, from 0 to 1; the shares of all features add up to 1.</param>
public sealed record FeatureContribution(int Index, string Name, double Value, double Median, double Share);
