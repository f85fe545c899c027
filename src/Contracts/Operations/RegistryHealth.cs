namespace Inspection.Contracts.Operations;

/// <summary>
/// How one registry's connection is doing, for operators: when it last answered well, how far behind
/// the platform is, how often it fails, whether calls to it are suspended by the circuit breaker, and
/// which stretches of its change feed were lost before the platform could read them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.RegistryHealth")]
public sealed record RegistryHealth(
    [property: Id(0)] string Registry,
    [property: Id(1)] string Transport,
    [property: Id(2)] DateTimeOffset? LastSuccessAt,
    [property: Id(3)] DateTimeOffset? LastFailureAt,
    [property: Id(4)] string? LastError,
    [property: Id(5)] double? LagSeconds,
    [property: Id(6)] int RequestsLastMinute,
    [property: Id(7)] double ErrorRate,
    [property: Id(8)] string CircuitState,
    [property: Id(9)] IReadOnlyList<FeedGap> Gaps);
