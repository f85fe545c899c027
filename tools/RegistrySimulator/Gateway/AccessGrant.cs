using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>What an access token gives its holder: the registries it may query and its request quota.</summary>
internal sealed class AccessGrant(IReadOnlySet<Registry> registries, TokenBucket quota)
{
    public TokenBucket Quota { get; } = quota;

    public bool Allows(Registry registry) => registries.Contains(registry);
}
