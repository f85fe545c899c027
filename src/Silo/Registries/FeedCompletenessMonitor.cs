using System.Collections.Frozen;
using Inspection.Contracts.Grains;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Registries;

/// <summary>
/// Which change feeds have been read to their end, as this silo's enterprise grains need to know: a
/// record is missing from a registry only when that registry has told everything. Asks each feed
/// reader (wherever in the cluster it runs) once a second; until it has answered, none is complete.
/// </summary>
public sealed partial class FeedCompletenessMonitor(IGrainFactory grains, IOptions<RegistryOptions> options, TimeProvider time, ILogger<FeedCompletenessMonitor> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private volatile FrozenSet<string> _complete = FrozenSet<string>.Empty;

    /// <summary>The change-feed registries whose reader last reached the head with no backlog left.</summary>
    public IReadOnlySet<string> Complete => _complete;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registries = options.Value.ChangeFeedRegistries.ToList();
        if (registries.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var answers = await Task.WhenAll(registries.Select(registry => grains.GetGrain<IRegistryFeedGrain>(registry).IsCaughtUp()));
                _complete = registries.Where((_, i) => answers[i]).ToFrozenSet(StringComparer.Ordinal);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // Keep the last answer: a feed's state changes slowly, and the next tick asks again.
                LogPollFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking the change-feed readers whether they are caught up failed; retrying: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);
}
