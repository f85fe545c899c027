namespace Inspection.Contracts.Models;

/// <summary>The risk models' last training (null before the first), and whether one is under way or asked for.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.RiskModelStatus")]
public sealed record RiskModelStatus(
    [property: Id(0)] RiskModelSummary? Latest,
    [property: Id(1)] bool Training);
