using Inspection.Contracts.Grains;
using Inspection.Contracts.Registries;
using Inspection.Silo.Registries;
using Inspection.Silo.Storage;
using Inspection.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Grains;

/// <summary>
/// Follows one registry's change feed: stores each page's records in one transaction (those of
/// enterprises business registration knows) and hands them to their enterprises to re-assess. The
/// cursor moves only after that, so a failure or a crash re-reads the page (harmlessly: storing is
/// idempotent) instead of skipping it.
/// </summary>
public sealed partial class RegistryFeedGrain(
    [PersistentState("feed", GrainStorageNames.Enterprises)] IPersistentState<RegistryFeedState> state,
    RegistryClient registries,
    IEvidenceStore evidence,
    IOptions<RegistryOptions> options,
    ILogger<RegistryFeedGrain> logger) : Grain, IRegistryFeedGrain, IRemindable
{
    private const string KeepAliveReminder = "following";
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(5);

    private IGrainTimer? _timer;
    private Task<int>? _reading;

    private string Registry => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Following)
        {
            StartTimer();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task Start()
    {
        StartTimer();
        if (!state.State.Following)
        {
            state.State.Following = true;
            state.State.Registry = Registry;
            await state.WriteStateAsync();
            await this.RegisterOrUpdateReminder(KeepAliveReminder, KeepAlivePeriod, KeepAlivePeriod);
        }
    }

    public Task<int> ReadNow() => ReadUnlessReading();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Following)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(
            ct =>
            {
                // Not awaited: the timer keeps ticking while a long read goes on, and a tick finding a read under way leaves it be.
                _ = ReadUnlessReading();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.PullInterval) { Interleave = false, KeepAlive = true });

    private Task<int> ReadUnlessReading() =>
        _reading is { IsCompleted: false } ? _reading : _reading = ReadToEndAsync();

    /// <summary>Reads pages until the feed has no more; returns how many records were handed over.</summary>
    private async Task<int> ReadToEndAsync()
    {
        var handed = 0;
        try
        {
            for (var page = 0; page < options.Value.MaxPagesPerCycle * 10; page++)
            {
                var answer = await registries.GetChangesAsync(Registry, state.State.Cursor, CancellationToken.None);
                var byEnterprise = answer.Records.GroupBy(r => r.EnterpriseCode, StringComparer.Ordinal)
                    .Select(group => (Grain: GrainFactory.GetGrain<IEnterpriseGrain>(group.Key), Records: group.ToList()))
                    .ToList();
                var admitted = await Task.WhenAll(byEnterprise.Select(e => e.Grain.Admit()));
                var known = byEnterprise.Where((_, i) => admitted[i]).ToList();
                if (known.Count < byEnterprise.Count)
                {
                    LogUnknownEnterprises(logger, Registry, byEnterprise.Count - known.Count);
                }

                // The whole page in one transaction, then each enterprise re-assesses what it now knows.
                var stored = await evidence.AppendRecordsAsync([.. known.SelectMany(e => e.Records)], CancellationToken.None);
                InspectionTelemetry.RecordsStored.Add(stored, new KeyValuePair<string, object?>("registry", Registry));
                await Task.WhenAll(known.Select(e => e.Grain.Absorb(e.Records)));

                handed += answer.Records.Count;
                if (!string.IsNullOrEmpty(answer.NextCursor) && answer.NextCursor != state.State.Cursor)
                {
                    state.State.Cursor = answer.NextCursor;
                    await state.WriteStateAsync();
                }

                if (!answer.HasMore)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is RegistryException or OrleansException or TimeoutException)
        {
            // The page is read again next time: its records were stored idempotently, or not at all.
            LogReadFailed(logger, Registry, ex.Message);
        }

        return handed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed of {Registry} named {Count} enterprises that business registration does not know; their records are not kept")]
    private static partial void LogUnknownEnterprises(ILogger logger, string registry, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed of {Registry} failed; it is read again from the same cursor next cycle: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string registry, string reason);
}
