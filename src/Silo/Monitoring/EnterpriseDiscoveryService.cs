using Inspection.Contracts;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Registries;
using Inspection.Silo.Registries;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Monitoring;

/// <summary>
/// Starts the change-feed readers, then finds the enterprises to monitor in business registration's
/// change feed and starts their grains. After a restart it reads that feed from the beginning once,
/// which wakes every monitored grain even where reminders were not durable (the embedded,
/// single-process mode); starting is idempotent.
/// </summary>
public sealed partial class EnterpriseDiscoveryService(
    IGrainFactory grains,
    RegistryClient registries,
    IHostApplicationLifetime lifetime,
    IOptions<RegistryOptions> options,
    ILogger<EnterpriseDiscoveryService> logger) : BackgroundService
{
    private const int StartParallelism = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls need the co-hosted silo to be up, which it is once the application has started.
        await WaitForStartAsync(stoppingToken);
        foreach (var registry in options.Value.ChangeFeedRegistries)
        {
            await grains.GetGrain<IRegistryFeedGrain>(registry).Start();
        }

        if (!options.Value.PerEnterpriseRegistries.Any())
        {
            // Every registry comes through its feed: the feeds start the enterprises they name.
            return;
        }

        string? cursor = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                cursor = await DiscoverAsync(cursor, stoppingToken);
            }
            catch (RegistryException ex)
            {
                LogDiscoveryFailed(logger, ex.Message);
            }

            await Task.Delay(options.Value.PullInterval, stoppingToken);
        }
    }

    private async Task<string?> DiscoverAsync(string? cursor, CancellationToken ct)
    {
        var started = 0;
        while (true)
        {
            var page = await registries.GetChangesAsync(RegistryIds.BusinessRegistration, cursor, ct);
            var codes = page.Records.Select(r => r.EnterpriseCode).Distinct(StringComparer.Ordinal).ToList();
            await Parallel.ForEachAsync(
                codes,
                new ParallelOptions { MaxDegreeOfParallelism = StartParallelism, CancellationToken = ct },
                async (code, _) => await grains.GetGrain<IEnterpriseGrain>(EnterpriseCode.Parse(code).Value).StartMonitoring());
            started += codes.Count;
            cursor = page.NextCursor ?? cursor;
            if (!page.HasMore)
            {
                break;
            }
        }

        if (started > 0)
        {
            LogDiscovered(logger, started);
        }

        return cursor;
    }

    private Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring confirmed for {Count} enterprises from business registration")]
    private static partial void LogDiscovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discovering enterprises failed; retrying next cycle: {Reason}")]
    private static partial void LogDiscoveryFailed(ILogger logger, string reason);
}
