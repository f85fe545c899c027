namespace Inspection.Silo.RulePacks;

/// <summary>Refreshes this silo's rule pack from the promotions in the database: at start, then every few seconds.</summary>
public sealed partial class RulePackRefresher(RulePackProvider packs, TimeProvider time, ILogger<RulePackRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await packs.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await packs.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
            {
                // The pack in force stays as it is; the next tick tries again.
                LogRefreshFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the rule pack's promotions failed; retrying: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}
