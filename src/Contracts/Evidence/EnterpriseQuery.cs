namespace Inspection.Contracts.Evidence;

/// <summary>A page of the enterprise list.</summary>
/// <param name="Provinces">The caller's jurisdiction (thẩm quyền): null means no limit, empty means nothing is visible.</param>
/// <param name="Province">Only this province, within the jurisdiction.</param>
/// <param name="EnterpriseCode">Only this enterprise (an enterprise account sees only itself).</param>
/// <param name="Limit">At most this many rows (1–1000).</param>
/// <param name="Offset">Rows to skip (0 or more).</param>
[GenerateSerializer, Immutable, Alias("Inspection.EnterpriseQuery")]
public sealed record EnterpriseQuery(
    [property: Id(0)] IReadOnlyCollection<string>? Provinces,
    [property: Id(1)] string? Province,
    [property: Id(2)] string? Sector,
    [property: Id(3)] string? RiskTier,
    [property: Id(4)] string? EnterpriseCode,
    [property: Id(5)] int Limit,
    [property: Id(6)] int Offset);
