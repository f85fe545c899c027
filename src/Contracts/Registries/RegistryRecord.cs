namespace Inspection.Contracts.Registries;

/// <summary>
/// One immutable fact from a registry, with the provenance that makes it evidence (chứng cứ):
/// which registry answered, to which request, when, and a hash of what it said.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.RegistryRecord")]
public sealed record RegistryRecord(
    [property: Id(0)] string Registry,
    [property: Id(1)] string RecordId,
    [property: Id(2)] int Version,
    [property: Id(3)] string EnterpriseCode,
    [property: Id(4)] string Kind,
    [property: Id(5)] string? Period,
    [property: Id(6)] IReadOnlyDictionary<string, string?> Fields,
    [property: Id(7)] RecordProvenance Provenance)
{
    /// <summary>The evidence reference used in flags: <c>{RecordId}@v{Version}</c>.</summary>
    public string Reference => $"{RecordId}@v{Version}";
}
