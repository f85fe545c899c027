using System.Net;

namespace Inspection.Silo.Registries;

/// <summary>A registry could not be read this time: unreachable, refused, over quota or answered nonsense.</summary>
public sealed class RegistryException(string registry, string message, Exception? inner = null, HttpStatusCode? status = null) : Exception(message, inner)
{
    public string Registry { get; } = registry;

    /// <summary>The registry's answer, when it gave one.</summary>
    public HttpStatusCode? Status { get; } = status;
}
