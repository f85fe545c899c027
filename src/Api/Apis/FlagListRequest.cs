namespace Inspection.Api.Apis;

public sealed record FlagListRequest(DateTimeOffset? Since, DateTimeOffset? Until, string? Province, int? Limit);
