using Inspection.Contracts.Grains;

namespace Inspection.Silo.Models;

/// <summary>Starts the risk models' training schedule once the silo is up (each silo asks; the grain's reminder is one for the cluster).</summary>
public sealed partial class RiskModelScheduler(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<RiskModelScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            await grains.GetGrain<IRiskModelGrain>(IRiskModelGrain.Key).Schedule();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogScheduleFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the risk model schedule failed; an administrator can still ask for a training: {Reason}")]
    private static partial void LogScheduleFailed(ILogger logger, string reason);
}
