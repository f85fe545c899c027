using Inspection.Contracts.Grains;
using Inspection.Silo.Registries;
using Inspection.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Grains;

/// <summary>
/// Sweeps every listed enterprise and has it assessed again, a page of enterprises at a time. A request
/// that comes during a sweep runs one more sweep after it (however many such requests come), so that no
/// change of rules or registries is left unjudged and no two sweeps run at once.
/// </summary>
public sealed partial class ReassessmentGrain(
    IEvidenceStore evidence,
    IOptions<RegistryOptions> options,
    ILogger<ReassessmentGrain> logger) : Grain, IReassessmentGrain, IRemindable
{
    private const string DailyReminder = "daily";
    private const int PageSize = 500;

    private Task? _sweeping;
    private bool _again;
    private int _sweeps;
    private int _lastSweepEnterprises;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Deadlines pass without a new record: the calendar rules must look at least once a day.
        await this.RegisterOrUpdateReminder(DailyReminder, TimeSpan.FromDays(1), TimeSpan.FromDays(1));
        await base.OnActivateAsync(cancellationToken);
    }

    public Task Request(string reason)
    {
        LogRequested(logger, reason);
        if (_sweeping is { IsCompleted: false })
        {
            _again = true;
        }
        else
        {
            _sweeping = SweepAsync();
        }

        return Task.CompletedTask;
    }

    public Task<SweepProgress> GetProgress() => Task.FromResult(new SweepProgress(_sweeps, _lastSweepEnterprises, _sweeping is { IsCompleted: false }));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Request("daily assessment");

    private async Task SweepAsync()
    {
        do
        {
            _again = false;
            DelayDeactivation(TimeSpan.FromHours(1));
            _lastSweepEnterprises = await SweepOnceAsync();
            _sweeps++;
            LogSwept(logger, _lastSweepEnterprises);
        }
        while (_again);
    }

    private async Task<int> SweepOnceAsync()
    {
        var caughtUp = await CaughtUpFeedsAsync();
        var (assessed, after) = (0, (string?)null);
        while (true)
        {
            IReadOnlyList<string> page;
            try
            {
                page = await evidence.ListEnterpriseCodesAsync(after, PageSize, CancellationToken.None);
            }
            catch (System.Data.Common.DbException ex)
            {
                LogSweepFailed(logger, ex.Message);
                return assessed;
            }

            if (page.Count == 0)
            {
                return assessed;
            }

            var results = await Task.WhenAll(page.Select(code => ReassessAsync(code, caughtUp)));
            assessed += results.Count(done => done);
            after = page[^1];
        }
    }

    /// <summary>
    /// The change feeds read to their end as the sweep starts, asked of their readers themselves: each
    /// silo's own view of them may lag a second behind, and the sweep is often the news that one caught up.
    /// </summary>
    private async Task<IReadOnlyList<string>> CaughtUpFeedsAsync()
    {
        var registries = options.Value.ChangeFeedRegistries.ToList();
        try
        {
            var answers = await Task.WhenAll(registries.Select(registry => GrainFactory.GetGrain<IRegistryFeedGrain>(registry).IsCaughtUp()));
            return [.. registries.Where((_, i) => answers[i])];
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogFeedsUnknown(logger, ex.Message);
            return [];
        }
    }

    private async Task<bool> ReassessAsync(string code, IReadOnlyList<string> caughtUp)
    {
        try
        {
            await GrainFactory.GetGrain<IEnterpriseGrain>(code).Reassess(caughtUp);
            return true;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Its next record, or the next sweep, assesses it again.
            LogReassessFailed(logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reassessment of every enterprise requested: {Reason}")]
    private static partial void LogRequested(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reassessed {Count} enterprises")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the enterprises to reassess failed; the sweep stops here: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking the change feeds whether they are caught up failed; the sweep judges with what each silo knows: {Reason}")]
    private static partial void LogFeedsUnknown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reassessing an enterprise failed: {Reason}")]
    private static partial void LogReassessFailed(ILogger logger, string reason);
}
