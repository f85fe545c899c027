namespace Inspection.Contracts.Models;

/// <summary>
/// What an enterprise gives the risk models: its peer group (sector, size band, province), its features
/// (null when it has no VAT return to judge it by), its features as they stood at each of its latest
/// months, oldest first, ending with <see cref="Features"/> (its own history), and what the rules make of
/// it today (their part of the risk score, and its open flags), which the supervised model reads beside
/// the features.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ModelInputs")]
public sealed record ModelInputs(
    [property: Id(0)] string EnterpriseCode,
    [property: Id(1)] string Sector,
    [property: Id(2)] string SizeBand,
    [property: Id(3)] string Province,
    [property: Id(4)] double[]? Features,
    [property: Id(5)] IReadOnlyList<double[]> History,
    [property: Id(6)] double RulesPart,
    [property: Id(7)] int OpenFlags);
