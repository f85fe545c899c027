namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// A request's X-Road identity as the gateway answers it (a feature of the request): the id and the hash
/// the <c>X-Road-Request-Id</c> and <c>X-Road-Request-Hash</c> headers will carry when the answer starts.
/// </summary>
internal sealed class XRoadExchange(string method, string target, string client, string requestId)
{
    public string Method { get; } = method;

    /// <summary>The request target exactly as it came over the wire.</summary>
    public string Target { get; } = target;

    public string Client { get; } = client;

    public string RequestId { get; } = requestId;

    /// <summary>The hash of this request; a fault may put another request's here.</summary>
    public string RequestHash { get; set; } = XRoadRequestHash.Compute(method, target, client, requestId);
}
