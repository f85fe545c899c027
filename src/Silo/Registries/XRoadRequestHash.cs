using System.Security.Cryptography;
using System.Text;

namespace Inspection.Silo.Registries;

/// <summary>
/// The request hash a gateway returns in <c>X-Road-Request-Hash</c>: base64 of SHA-512 over
/// <c>{METHOD}\n{path and query}\n{X-Road-Client}\n{X-Road-Id}</c> (docs/REGISTRIES.md). Matching it proves
/// the answer belongs to the request the platform sent.
/// </summary>
public static class XRoadRequestHash
{
    public static string Compute(string method, string pathAndQuery, string client, string requestId) =>
        Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n{client}\n{requestId}")));
}
