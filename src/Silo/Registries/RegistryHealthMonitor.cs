using System.Collections.Concurrent;
using Inspection.Contracts.Operations;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Inspection.Silo.Registries;

/// <summary>
/// Keeps, per registry, the outcomes of the last minute of requests, the last success and failure,
/// and the circuit breaker's state. Lag is the time since the registry last answered well: how stale
/// what the platform knows from it may be.
/// </summary>
public sealed class RegistryHealthMonitor(IOptions<RegistryOptions> options, TimeProvider time) : IRegistryHealthQueries
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Tracker> _trackers = new(StringComparer.Ordinal);

    /// <summary>The circuit breaker's state provider for a registry, handed to its resilience pipeline.</summary>
    public CircuitBreakerStateProvider CircuitFor(string registry) => Get(registry).Circuit;

    public void Succeeded(string registry) => Get(registry).Add(time.GetUtcNow(), error: null);

    public void Failed(string registry, string error) => Get(registry).Add(time.GetUtcNow(), error);

    /// <summary>A stretch of the registry's change feed that can no longer be read; the same gap twice is kept once.</summary>
    public void GapFound(FeedGap gap) => Get(gap.Registry).AddGap(gap);

    public IReadOnlyList<RegistryHealth> Current()
    {
        var now = time.GetUtcNow();
        return [.. options.Value.EnabledSources.Select(source => Get(source.Key).Report(source.Key, source.Value.Transport.ToString(), now))];
    }

    private Tracker Get(string registry) => _trackers.GetOrAdd(registry, _ => new Tracker());

    private sealed class Tracker
    {
        private readonly Queue<(DateTimeOffset At, bool Ok)> _recent = new();
        private readonly Lock _gate = new();
        private DateTimeOffset? _lastSuccess;
        private DateTimeOffset? _lastFailure;
        private string? _lastError;
        private readonly List<FeedGap> _gaps = [];

        public CircuitBreakerStateProvider Circuit { get; } = new();

        public void Add(DateTimeOffset at, string? error)
        {
            lock (_gate)
            {
                _recent.Enqueue((at, error is null));
                if (error is null)
                {
                    _lastSuccess = at;
                }
                else
                {
                    _lastFailure = at;
                    _lastError = error;
                }

                Trim(at);
            }
        }

        public void AddGap(FeedGap gap)
        {
            lock (_gate)
            {
                if (!_gaps.Any(g => g.FromCursor == gap.FromCursor && g.ToCursor == gap.ToCursor))
                {
                    _gaps.Add(gap);
                }
            }
        }

        public RegistryHealth Report(string registry, string transport, DateTimeOffset now)
        {
            lock (_gate)
            {
                Trim(now);
                var total = _recent.Count;
                var failed = _recent.Count(r => !r.Ok);
                return new RegistryHealth(
                    registry,
                    transport,
                    _lastSuccess,
                    _lastFailure,
                    _lastError,
                    _lastSuccess is { } success ? Math.Round((now - success).TotalSeconds, 1) : null,
                    total,
                    total == 0 ? 0 : Math.Round((double)failed / total, 3),
                    Circuit.CircuitState.ToString(),
                    [.. _gaps]);
            }
        }

        private void Trim(DateTimeOffset now)
        {
            while (_recent.Count > 0 && now - _recent.Peek().At > Window)
            {
                _recent.Dequeue();
            }
        }
    }
}
