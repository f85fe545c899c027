namespace Inspection.Silo.Registries;

public sealed class RegistrySource
{
    /// <summary>The X-Road service path after <c>/r1/</c>: instance/memberClass/memberCode/subsystem/service.</summary>
    public string Service { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    public PullMode Mode { get; set; } = PullMode.PerEnterprise;

    /// <summary><c>Http</c> (straight to the gateway) or <c>Dapr</c> (service invocation through the local sidecar).</summary>
    public RegistryTransport Transport { get; set; } = RegistryTransport.Http;

    /// <summary>With the Dapr transport: the app id of the gateway as the sidecar knows it.</summary>
    public string? DaprAppId { get; set; }

    /// <summary>
    /// The registry's request budget for the whole cluster, in requests per second (its quota at the
    /// gateway); null for none. Each silo keeps to its share.
    /// </summary>
    public double? RequestsPerSecond { get; set; }
}
