using System.Security.Cryptography;
using System.Text;

namespace Inspection.RegistrySimulator;

/// <summary>
/// The <c>X-Road-Request-Hash</c> response header: base64 of SHA-512 over the UTF-8 text
/// <c>{METHOD}\n{path and query as sent}\n{X-Road-Client}\n{X-Road-Id}</c>. A caller recomputes it
/// from its own request to prove which request an answer belongs to.
/// </summary>
public static class XRoadRequestHash
{
    /// <summary>Computes the hash; a missing header counts as the empty string.</summary>
    public static string Compute(string method, string pathAndQuery, string? client, string? requestId)
    {
        var text = string.Join('\n', method, pathAndQuery, client ?? string.Empty, requestId ?? string.Empty);
        return Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
