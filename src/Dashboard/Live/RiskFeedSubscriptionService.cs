using Inspection.Contracts.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inspection.Dashboard.Live;

/// <summary>
/// Subscribes this silo's <see cref="RiskFeedHubForwarder"/> to the cluster's risk feed and keeps
/// renewing the subscription; failures are logged and retried, never allowed to stop the host.
/// </summary>
public sealed partial class RiskFeedSubscriptionService(
    IGrainFactory grainFactory,
    RiskFeedHubForwarder forwarder,
    IHostApplicationLifetime lifetime,
    IOptions<RiskFeedSubscriptionOptions> options,
    TimeProvider timeProvider,
    ILogger<RiskFeedSubscriptionService> logger) : BackgroundService
{
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(5);

    private IRiskFeedObserver? reference;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // In a co-hosted silo the grain factory answers only once the silo has started, which is
        // after every hosted service's StartAsync; so wait for the whole host to be up.
        if (!await WaitForApplicationStartedAsync(stoppingToken))
        {
            return;
        }

        var feed = grainFactory.GetGrain<IRiskFeedGrain>(IRiskFeedGrain.Key);
        var subscribed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                // Created once and kept: the runtime holds observers weakly, and the forwarder is a singleton.
                reference ??= grainFactory.CreateObjectReference<IRiskFeedObserver>(forwarder);
                await feed.Subscribe(reference).WaitAsync(stoppingToken);
                if (!subscribed)
                {
                    LogSubscribed(logger);
                    subscribed = true;
                }

                delay = options.Value.ResubscribeInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                delay = options.Value.RetryDelay;
                LogSubscribeFailed(logger, exception, delay);
                subscribed = false;
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is not { } observer)
        {
            return;
        }

        reference = null;
        try
        {
            // Best effort: if the silo is already going down the grain expires the subscription anyway.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(UnsubscribeTimeout);
            await grainFactory.GetGrain<IRiskFeedGrain>(IRiskFeedGrain.Key).Unsubscribe(observer).WaitAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            LogUnsubscribeFailed(logger, exception);
        }
        finally
        {
            grainFactory.DeleteObjectReference<IRiskFeedObserver>(observer);
        }
    }

    private async Task<bool> WaitForApplicationStartedAsync(CancellationToken stoppingToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return true;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Subscribed this silo's dashboards to the risk feed")]
    private static partial void LogSubscribed(ILogger logger);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not subscribe to the risk feed; retrying in {RetryDelay}")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Could not unsubscribe from the risk feed on shutdown; the feed will expire the subscription")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
