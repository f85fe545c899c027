namespace Inspection.RegistrySimulator.Gateway;

/// <summary>A token bucket: up to <paramref name="burst"/> requests at once, refilled at <paramref name="ratePerSecond"/>.</summary>
internal sealed class TokenBucket(double ratePerSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>Takes a token, or says how long until one is there.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_refilledAt, now).TotalSeconds * ratePerSecond);
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
            return false;
        }
    }
}
