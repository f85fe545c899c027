using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator;

/// <summary>A registry behind the gateway: its id, its service path after <c>/r1/</c> and the record kinds it publishes.</summary>
public sealed class RegistryService
{
    internal RegistryService(Registry registry, string id, string servicePath, string idPrefix, params string[] recordKinds)
    {
        Registry = registry;
        Id = id;
        ServicePath = servicePath;
        RecordKinds = recordKinds;
        IdPrefix = idPrefix;
    }

    /// <summary>The registry id the platform uses, e.g. <c>tax</c>.</summary>
    public string Id { get; }

    /// <summary><c>{instance}/{memberClass}/{memberCode}/{subsystem}/{service}</c>.</summary>
    public string ServicePath { get; }

    /// <summary>The <c>kind</c> of its records; for a registry of several kinds (labour), the first of <see cref="RecordKinds"/>.</summary>
    public string RecordKind => RecordKinds[0];

    /// <summary>Every <c>kind</c> of record it publishes.</summary>
    public IReadOnlyList<string> RecordKinds { get; }

    internal Registry Registry { get; }

    /// <summary>Prefix of its record ids: <c>REG</c>, <c>TAX</c>, <c>BHXH</c>, <c>LAB</c> (accidents: <c>ACC</c>), <c>ENV</c>.</summary>
    internal string IdPrefix { get; }

    public override string ToString() => Id;
}
