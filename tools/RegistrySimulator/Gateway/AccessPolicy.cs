using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>The tokens the gateway accepts, from <see cref="SimulatorOptions.AccessToken"/> and <see cref="SimulatorOptions.TokenRegistries"/>.</summary>
internal sealed class AccessPolicy
{
    private readonly Dictionary<string, AccessGrant> _grants = new(StringComparer.Ordinal);

    public AccessPolicy(SimulatorOptions options, TimeProvider time)
    {
        var everyRegistry = RegistryServices.All.Select(service => service.Registry).ToHashSet();
        _grants[options.AccessToken] = new AccessGrant(everyRegistry, NewQuota());
        foreach (var (token, registryIds) in options.TokenRegistries)
        {
            var registries = registryIds.Select(id => RegistryServices.FindById(id)!.Registry).ToHashSet();
            _grants[token] = new AccessGrant(registries, NewQuota());
        }

        TokenBucket NewQuota() => new(options.QuotaPerSecond, options.QuotaBurst, time);
    }

    public AccessGrant? Find(string token) => _grants.GetValueOrDefault(token);
}
