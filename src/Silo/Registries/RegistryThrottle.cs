using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Registries;

/// <summary>
/// Keeps this silo within each registry's limits: a cap on requests in flight, its share of the
/// registry's request budget, and the pause a registry asks for when it answers 429 with Retry-After.
/// Without it, a few thousand grains waking together would stampede one registry.
/// </summary>
public sealed class RegistryThrottle(IOptions<RegistryOptions> options, IClusterShare share, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot and a budget token; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(string registry, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(registry, CreateLane);
        var pause = lane.PausedUntil - time.GetUtcNow();
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, time, ct);
        }

        // The budget's token is taken last, just before the request goes out: one taken while waiting for a
        // slot would be spent later, in a burst with the next second's, and the registry would see more than its budget.
        await lane.Slots.WaitAsync(ct);
        try
        {
            if (lane.Budget is not null)
            {
                await lane.Budget.WaitAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            lane.Slots.Release();
            throw;
        }

        return new Release(lane.Slots);
    }

    /// <summary>Waits for a token of the registry's budget (at once when it has none): what a retry spends, holding the first attempt's slot.</summary>
    public Task SpendAsync(string registry, CancellationToken ct) =>
        _lanes.GetOrAdd(registry, CreateLane).Budget?.WaitAsync(ct) ?? Task.CompletedTask;

    /// <summary>The registry said it is over quota: no request from this silo until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(string registry, TimeSpan retryAfter)
    {
        var lane = _lanes.GetOrAdd(registry, CreateLane);
        var until = time.GetUtcNow() + retryAfter;
        if (until > lane.PausedUntil)
        {
            lane.PausedUntil = until;
        }
    }

    public void Dispose()
    {
        foreach (var lane in _lanes.Values)
        {
            lane.Budget?.Dispose();
            lane.Slots.Dispose();
        }
    }

    private Lane CreateLane(string registry)
    {
        var settings = options.Value;
        var perSecond = settings.Sources.TryGetValue(registry, out var source) ? source.RequestsPerSecond : null;
        var budget = perSecond is > 0 ? new RequestBudget(perSecond.Value, share, time) : null;
        return new Lane(new SemaphoreSlim(settings.MaxConcurrentRequests), budget);
    }

    private sealed class Lane(SemaphoreSlim slots, RequestBudget? budget)
    {
        public SemaphoreSlim Slots { get; } = slots;

        public RequestBudget? Budget { get; } = budget;

        public DateTimeOffset PausedUntil { get; set; }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
