namespace Inspection.Contracts.Evidence;

/// <summary>Flags raised in a time window.</summary>
/// <param name="Provinces">The caller's jurisdiction: null means no limit, empty means nothing is visible.</param>
/// <param name="Since">Raised at or after this time.</param>
/// <param name="Until">Raised before this time.</param>
/// <param name="Limit">At most this many flags (1–1000).</param>
[GenerateSerializer, Immutable, Alias("Inspection.FlagQuery")]
public sealed record FlagQuery(
    [property: Id(0)] IReadOnlyCollection<string>? Provinces,
    [property: Id(1)] string? Province,
    [property: Id(2)] string? EnterpriseCode,
    [property: Id(3)] DateTimeOffset? Since,
    [property: Id(4)] DateTimeOffset? Until,
    [property: Id(5)] int Limit);
