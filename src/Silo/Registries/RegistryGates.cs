using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Registries;

/// <summary>
/// Caps the requests in flight to each registry from this silo. Without it, a few thousand grains
/// waking together would open a few thousand connections to one registry.
/// </summary>
public sealed class RegistryGates(IOptions<RegistryOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string registry, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(registry, _ => new SemaphoreSlim(options.Value.MaxConcurrentRequests));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
