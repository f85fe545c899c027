namespace Inspection.Contracts.Grains;

/// <summary>The grain's view of its own monitoring: cursors per registry, when it last pulled, its open flags.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.EnterpriseStatus")]
public sealed record EnterpriseStatus(
    [property: Id(0)] string EnterpriseCode,
    [property: Id(1)] bool Monitored,
    [property: Id(2)] IReadOnlyDictionary<string, string> Cursors,
    [property: Id(3)] DateTimeOffset? LastPulledAt,
    [property: Id(4)] int OpenFlags,
    [property: Id(5)] double RiskScore,
    [property: Id(6)] IReadOnlyList<string> OpenFlagIds);
