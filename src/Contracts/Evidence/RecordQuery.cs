namespace Inspection.Contracts.Evidence;

/// <summary>An enterprise's registry records, optionally of one registry and fetched in a time window.</summary>
/// <param name="From">Fetched at or after this time.</param>
/// <param name="To">Fetched before this time.</param>
/// <param name="Limit">At most this many records (1–1000).</param>
[GenerateSerializer, Immutable, Alias("Inspection.RecordQuery")]
public sealed record RecordQuery(
    [property: Id(0)] string EnterpriseCode,
    [property: Id(1)] string? Registry,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] int Limit);
