namespace Inspection.Silo.Registries;

/// <summary>
/// This silo's share of one registry's cluster-wide request budget: a token bucket refilled ten times a
/// second, so the budget is spread rather than spent in bursts. Each refill adds the tokens earned in the
/// time since the last one, not a fixed count: a timer tick that comes early or late (as ticks do on a
/// busy machine) brings no more than the time it covers, and a budget under ten a second is kept too.
/// The bucket holds at most one tenth of a second's tokens. The share is worked out again at every refill
/// from the silos active at that moment, so a silo joining or leaving rebalances the cluster within a
/// tenth of a second and the registry never sees more than its budget.
/// </summary>
internal sealed class RequestBudget : IDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromMilliseconds(100);

    private readonly double _perSecond;
    private readonly IClusterShare _share;
    private readonly SemaphoreSlim _tokens = new(0);
    private readonly Lock _refilling = new();
    private readonly TimeProvider _time;
    private readonly ITimer _refill;
    private long _refilledAt;
    private double _earned;
    private bool _disposed;

    public RequestBudget(double perSecond, IClusterShare share, TimeProvider time)
    {
        _perSecond = perSecond;
        _share = share;
        _time = time;

        // The bucket starts full: a tenth of a second's tokens (at least one) go out at once.
        _earned = double.PositiveInfinity;
        _refilledAt = time.GetTimestamp();
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

            var now = _time.GetTimestamp();
            var perSecond = _perSecond / _share.ActiveSilos;
            var capacity = Math.Max(1, perSecond * RefillPeriod.TotalSeconds);
            _earned = Math.Min(_earned + (perSecond * _time.GetElapsedTime(_refilledAt, now).TotalSeconds), capacity - _tokens.CurrentCount);
            _refilledAt = now;
            var whole = (int)Math.Floor(_earned);
            if (whole > 0)
            {
                _earned -= whole;
                _tokens.Release(whole);
            }
        }
    }
}
