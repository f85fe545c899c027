namespace Inspection.Silo.Registries;

/// <summary>
/// This silo's share of one registry's cluster-wide request budget: a token bucket refilled ten times a
/// second, so the budget is spread rather than spent in bursts. The share is worked out again at every
/// refill from the silos active at that moment, so a silo joining or leaving rebalances the cluster
/// within a tenth of a second and the registry never sees more than its budget.
/// </summary>
internal sealed class RequestBudget : IDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromMilliseconds(100);

    private readonly double _perSecond;
    private readonly IClusterShare _share;
    private readonly SemaphoreSlim _tokens = new(0);
    private readonly Lock _refilling = new();
    private readonly ITimer _refill;
    private bool _disposed;

    public RequestBudget(double perSecond, IClusterShare share, TimeProvider time)
    {
        _perSecond = perSecond;
        _share = share;
        _refill = time.CreateTimer(_ => Refill(), null, TimeSpan.Zero, RefillPeriod);
    }

    /// <summary>Waits for a token; tokens not spent do not pile up beyond one refill.</summary>
    public Task WaitAsync(CancellationToken ct) => _tokens.WaitAsync(ct);

    public void Dispose()
    {
        _refill.Dispose();
        // A refill already running when the timer is disposed must not touch the semaphore after it is gone.
        lock (_refilling)
        {
            _disposed = true;
            _tokens.Dispose();
        }
    }

    private void Refill()
    {
        lock (_refilling)
        {
            if (_disposed)
            {
                return;
            }

            var perRefill = Math.Max(1, (int)Math.Floor(_perSecond / _share.ActiveSilos / 10));
            var missing = perRefill - _tokens.CurrentCount;
            if (missing > 0)
            {
                _tokens.Release(missing);
            }
        }
    }
}
