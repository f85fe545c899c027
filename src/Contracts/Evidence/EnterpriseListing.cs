namespace Inspection.Contracts.Evidence;

/// <summary>
/// One row of the enterprise list (danh sách doanh nghiệp): the read model behind the risk queue, with
/// the reasons for its rank, strongest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.EnterpriseListing")]
public sealed record EnterpriseListing(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string Province,
    [property: Id(3)] string ProvinceName,
    [property: Id(4)] string Sector,
    [property: Id(5)] string Status,
    [property: Id(6)] double RiskScore,
    [property: Id(7)] string RiskTier,
    [property: Id(8)] int OpenFlags,
    [property: Id(9)] DateTimeOffset? LastPulledAt,
    [property: Id(10)] IReadOnlyList<RiskReason>? Reasons = null);
