using System.Net;

namespace Inspection.Silo.Storage;

/// <summary>The silo's identity and endpoints, from the <c>Orleans</c> configuration section.</summary>
internal sealed record SiloEndpointSettings(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress AdvertisedAddress)
{
    public static SiloEndpointSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        var address = section["AdvertisedIPAddress"];
        return new SiloEndpointSettings(
            section["ClusterId"] is { Length: > 0 } clusterId ? clusterId : "inspection-dev",
            section["ServiceId"] is { Length: > 0 } serviceId ? serviceId : "inspection",
            section.GetValue("SiloPort", 11111),
            section.GetValue("GatewayPort", 30000),
            string.IsNullOrWhiteSpace(address) ? IPAddress.Loopback : IPAddress.Parse(address));
    }
}
