namespace Inspection.Api.Apis;

public sealed record DevTokenRequest(string? Role, string? Subject, IReadOnlyList<string>? Provinces, string? EnterpriseCode);
