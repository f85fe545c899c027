namespace Inspection.Api.Apis;

public sealed record AuditListRequest(string? Subject, string? Action, long? Before, int? Limit);
