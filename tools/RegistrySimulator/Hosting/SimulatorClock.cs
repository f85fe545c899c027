namespace Inspection.RegistrySimulator.Hosting;

/// <summary>Demo mode: publishes the next month every <see cref="SimulatorOptions.PeriodInterval"/>.</summary>
internal sealed class SimulatorClock(SimulatorState state, SimulatorOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.PeriodInterval ?? throw new InvalidOperationException("The clock runs only with a PeriodInterval.");
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            state.AdvancePeriod();
        }
    }
}
