using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Faults;

/// <summary>
/// A registry request's outcome, counted once: by the fault filter as soon as it picks a fault (a hang is
/// counted before it starts), otherwise by <see cref="GatewayStatsFilter"/> from the answer.
/// </summary>
internal sealed class RequestOutcome(GatewayStats stats, Registry registry)
{
    private int _settled;

    public void Settle(GatewayOutcome outcome)
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            stats.Record(registry, outcome);
        }
    }
}
