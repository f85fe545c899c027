namespace Inspection.Contracts.Registries;

/// <summary>Where a record came from: the registry's answer it was read from.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.RecordProvenance")]
public sealed record RecordProvenance(
    [property: Id(0)] string Service,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string? RequestHash,
    [property: Id(3)] string PayloadHash,
    [property: Id(4)] DateTimeOffset FetchedAt);
