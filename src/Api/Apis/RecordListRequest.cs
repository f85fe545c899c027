namespace Inspection.Api.Apis;

public sealed record RecordListRequest(string? Registry, DateTimeOffset? From, DateTimeOffset? To, int? Limit);
