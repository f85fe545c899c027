namespace Inspection.Silo.Registries;

public sealed class RegistrySource
{
    /// <summary>The X-Road service path after <c>/r1/</c>: instance/memberClass/memberCode/subsystem/service.</summary>
    public string Service { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;
}
