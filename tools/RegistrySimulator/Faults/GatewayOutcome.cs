namespace Inspection.RegistrySimulator.Faults;

/// <summary>What a registry request got, as counted by <see cref="GatewayStats"/>; <see cref="Names"/> are the JSON keys.</summary>
internal enum GatewayOutcome
{
    /// <summary>A proper 200 page (possibly late, through <c>latencyMs</c>).</summary>
    Ok,

    /// <summary>A 200 page with every record, some twice.</summary>
    Duplicate,

    /// <summary>A 200 page with every record, shuffled.</summary>
    OutOfOrder,

    /// <summary>A 200 change-feed page with every record, plus records of unknown enterprises.</summary>
    UnknownEnterprise,

    /// <summary>A 200 with broken JSON.</summary>
    Malformed,

    /// <summary>A 200 with JSON cut in the middle of a record.</summary>
    Truncated,

    /// <summary>A 200 page whose <c>X-Road-Request-Hash</c> belongs to another request.</summary>
    WrongHash,

    /// <summary>An injected 429.</summary>
    Throttled,

    /// <summary>An injected 500, 502 or 503, or any other 5xx.</summary>
    ServerError,

    /// <summary>An injected hang: no answer until the client gave up.</summary>
    Timeout,

    /// <summary>A 429 of the access token's quota.</summary>
    QuotaExceeded,

    /// <summary>400, 401, 403 or 404 from the gateway or registry.</summary>
    Rejected,

    /// <summary>The client went away before the answer (e.g. during an injected latency).</summary>
    Aborted,
}

internal static class GatewayOutcomes
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "ok", "duplicate", "out-of-order", "unknown-enterprise", "malformed", "truncated", "wrong-hash",
        "throttled", "server-error", "timeout", "quota-exceeded", "rejected", "aborted",
    ];

    public static string ToWire(this GatewayOutcome outcome) => Names[(int)outcome];
}
