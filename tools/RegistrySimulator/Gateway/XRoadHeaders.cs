namespace Inspection.RegistrySimulator.Gateway;

/// <summary>Header names of the X-Road REST message protocol.</summary>
internal static class XRoadHeaders
{
    public const string Client = "X-Road-Client";
    public const string Id = "X-Road-Id";
    public const string RequestId = "X-Road-Request-Id";
    public const string RequestHash = "X-Road-Request-Hash";
}
