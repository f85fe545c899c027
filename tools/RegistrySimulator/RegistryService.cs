using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator;

/// <summary>A registry behind the gateway: its id, its service path after <c>/r1/</c> and the record kind it publishes.</summary>
public sealed class RegistryService
{
    internal RegistryService(Registry registry, string id, string servicePath, string recordKind, string idPrefix)
    {
        Registry = registry;
        Id = id;
        ServicePath = servicePath;
        RecordKind = recordKind;
        IdPrefix = idPrefix;
    }

    /// <summary>The registry id the platform uses, e.g. <c>tax</c>.</summary>
    public string Id { get; }

    /// <summary><c>{instance}/{memberClass}/{memberCode}/{subsystem}/{service}</c>.</summary>
    public string ServicePath { get; }

    /// <summary>The <c>kind</c> of every record it publishes.</summary>
    public string RecordKind { get; }

    internal Registry Registry { get; }

    /// <summary>Prefix of its record ids: <c>REG</c>, <c>TAX</c>, <c>BHXH</c>.</summary>
    internal string IdPrefix { get; }

    public override string ToString() => Id;
}
