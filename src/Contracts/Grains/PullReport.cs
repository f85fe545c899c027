namespace Inspection.Contracts.Grains;

/// <summary>What one pull cycle did: records seen and newly stored, flags raised, registries that failed.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.PullReport")]
public sealed record PullReport(
    [property: Id(0)] int RecordsReceived,
    [property: Id(1)] int RecordsStored,
    [property: Id(2)] int FlagsRaised,
    [property: Id(3)] IReadOnlyList<string> FailedRegistries);
