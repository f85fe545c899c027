using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Faults;

namespace Inspection.RegistrySimulator;

/// <summary>
/// Counts the requests to each registry, by outcome and by second of arrival
/// (<c>app.Services.GetRequiredService&lt;GatewayStats&gt;()</c>, or <c>GET /simulator/stats</c>).
/// </summary>
public sealed class GatewayStats
{
    private const int WindowSeconds = 10;

    private readonly Counters[] _registries;
    private readonly TimeProvider _time;

    internal GatewayStats(TimeProvider time)
    {
        _time = time;
        _registries = [.. RegistryServices.All.Select(_ => new Counters(time.GetUtcNow()))];
    }

    /// <summary>Every registry's counts, by registry id.</summary>
    public IReadOnlyDictionary<string, RegistryStats> Snapshot()
    {
        var now = _time.GetUtcNow();
        return RegistryServices.All.ToDictionary(service => service.Id, service => _registries[(int)service.Registry].Snapshot(now));
    }

    /// <summary>Starts every count again from zero.</summary>
    public void Reset()
    {
        foreach (var counters in _registries)
        {
            counters.Reset(_time.GetUtcNow());
        }
    }

    internal void Arrived(Registry registry) => _registries[(int)registry].Arrived(_time.GetUtcNow());

    internal void Record(Registry registry, GatewayOutcome outcome) => _registries[(int)registry].Record(outcome);

    private sealed class Counters(DateTimeOffset started)
    {
        private const int Ring = 64;

        private readonly Lock _gate = new();
        private readonly long[] _outcomes = new long[GatewayOutcomes.Names.Count];
        private readonly long[] _ringSeconds = new long[Ring];
        private readonly int[] _ringCounts = new int[Ring];
        private DateTimeOffset _started = started;
        private long _total;
        private int _peak;

        public void Arrived(DateTimeOffset now)
        {
            var second = now.ToUnixTimeSeconds();
            var slot = (int)(second % Ring);
            lock (_gate)
            {
                _total++;
                if (_ringSeconds[slot] != second)
                {
                    _ringSeconds[slot] = second;
                    _ringCounts[slot] = 0;
                }

                _peak = Math.Max(_peak, ++_ringCounts[slot]);
            }
        }

        public void Record(GatewayOutcome outcome)
        {
            lock (_gate)
            {
                _outcomes[(int)outcome]++;
            }
        }

        public void Reset(DateTimeOffset now)
        {
            lock (_gate)
            {
                _started = now;
                _total = 0;
                _peak = 0;
                Array.Clear(_outcomes);
                Array.Clear(_ringSeconds);
                Array.Clear(_ringCounts);
            }
        }

        public RegistryStats Snapshot(DateTimeOffset now)
        {
            var second = now.ToUnixTimeSeconds();
            lock (_gate)
            {
                var lastSeconds = new int[WindowSeconds];
                for (var i = 0; i < WindowSeconds; i++)
                {
                    var past = second - (WindowSeconds - 1 - i);
                    var slot = (int)(past % Ring);
                    lastSeconds[i] = _ringSeconds[slot] == past ? _ringCounts[slot] : 0;
                }

                var window = Math.Clamp((now - _started).TotalSeconds, 1, WindowSeconds);
                var outcomes = GatewayOutcomes.Names.Select((name, index) => (name, index)).ToDictionary(o => o.name, o => _outcomes[o.index]);
                return new RegistryStats(_total, outcomes, Math.Round(lastSeconds.Sum() / window, 2), _peak, lastSeconds);
            }
        }
    }
}
