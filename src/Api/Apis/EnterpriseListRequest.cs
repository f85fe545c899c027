namespace Inspection.Api.Apis;

public sealed record EnterpriseListRequest(string? Province, string? Sector, string? RiskTier, int? Limit, int? Offset);
