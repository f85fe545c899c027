using Inspection.Contracts.Grains;
using Inspection.Contracts.Operations;
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
    RegistryHealthMonitor health,
    IEvidenceStore evidence,
    IOptions<RegistryOptions> options,
    TimeProvider time,
    ILogger<RegistryFeedGrain> logger) : Grain, IRegistryFeedGrain, IRemindable
{
    private const string KeepAliveReminder = "following";

    // Pages read and stored ahead of the one whose enterprises are still assessing. Each page waits out
    // the assessment delay, so it is this depth, not the processors, that bounds a feed's rate when few
    // are in flight: eight kept a 2-core silo busy in the ingestion benchmark, three left a third idle.
    private const int PagesInFlight = 8;
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(5);

    // Enterprises this reader has seen admitted, with their grain references: asking them again for every
    // page would double the grain calls of a sweep, and resolving a reference by key costs reflection.
    private readonly Dictionary<string, IEnterpriseGrain> _admitted = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;
    private Task<int>? _reading;

    private string Registry => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Health lives in each silo's memory; the gaps live in this state and are shown again after a restart.
        foreach (var gap in state.State.Gaps)
        {
            health.GapFound(gap);
        }

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
            new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.ChangeFeedPollInterval) { Interleave = false, KeepAlive = true });

    private Task<int> ReadUnlessReading() =>
        _reading is { IsCompleted: false } ? _reading : _reading = ReadToEndAsync();

    /// <summary>
    /// Reads pages until the feed has no more; returns how many records were handed over. While the
    /// enterprises of one page assess, the next pages are already read and stored, so the registry and
    /// the grains work at once; the cursor still moves page by page, in order, each time past a page
    /// whose enterprises are done.
    /// </summary>
    private async Task<int> ReadToEndAsync()
    {
        var handed = 0;
        var pending = new Queue<(Task<int> HandOver, string? NextCursor)>();
        var cursor = state.State.Cursor;
        try
        {
            for (var page = 0; page < options.Value.MaxPagesPerCycle * 10; page++)
            {
                RegistryPage answer;
                try
                {
                    answer = await registries.GetChangesAsync(Registry, cursor, CancellationToken.None);
                }
                catch (FeedCursorExpiredException expired)
                {
                    // The gap starts where the pages already read end: settle them first.
                    while (pending.Count > 0)
                    {
                        handed += await SettleAsync(pending.Dequeue());
                    }

                    cursor = await SkipGapAsync(expired.OldestCursor);
                    continue;
                }

                pending.Enqueue((HandOverAsync(answer.Records), answer.NextCursor));
                cursor = string.IsNullOrEmpty(answer.NextCursor) ? cursor : answer.NextCursor;
                while (pending.Count >= PagesInFlight || (!answer.HasMore && pending.Count > 0))
                {
                    handed += await SettleAsync(pending.Dequeue());
                }

                if (!answer.HasMore)
                {
                    break;
                }
            }

            while (pending.Count > 0)
            {
                handed += await SettleAsync(pending.Dequeue());
            }
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // Pages from the saved cursor on are read again next time: their records were stored idempotently, or not at all.
            LogReadFailed(logger, Registry, ex.Message);
            await LetFinishAsync(pending);
        }

        return handed;
    }

    /// <summary>
    /// Records that the feed dropped what lay between the saved cursor and <paramref name="oldestCursor"/>,
    /// and moves the cursor there: the loss is kept in the feed's state and shown on registry health,
    /// never passed over in silence.
    /// </summary>
    private async Task<string> SkipGapAsync(string oldestCursor)
    {
        var gap = new FeedGap(Registry, state.State.Cursor, oldestCursor, time.GetUtcNow());
        state.State.Gaps.Add(gap);
        state.State.Cursor = oldestCursor;
        await state.WriteStateAsync();
        health.GapFound(gap);
        InspectionTelemetry.FeedGaps.Add(1, new KeyValuePair<string, object?>("registry", Registry));
        LogGap(logger, Registry, gap.FromCursor, oldestCursor);
        return oldestCursor;
    }

    /// <summary>Stores a page's records of known enterprises in one transaction, then has each enterprise assess them.</summary>
    private async Task<int> HandOverAsync(IReadOnlyList<RegistryRecord> records)
    {
        var byEnterprise = new Dictionary<string, List<RegistryRecord>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!byEnterprise.TryGetValue(record.EnterpriseCode, out var own))
            {
                byEnterprise[record.EnterpriseCode] = own = [];
            }

            own.Add(record);
        }

        var known = await AdmitAsync(byEnterprise);
        if (known.Count < byEnterprise.Count)
        {
            LogUnknownEnterprises(logger, Registry, byEnterprise.Count - known.Count);
        }

        var stored = await evidence.AppendRecordsAsync([.. known.SelectMany(e => e.Records)], CancellationToken.None);
        InspectionTelemetry.RecordsStored.Add(stored, new KeyValuePair<string, object?>("registry", Registry));
        await Task.WhenAll(known.Select(e => e.Grain.Absorb(e.Records)));
        return records.Count;
    }

    /// <summary>Waits for a page to be handed over, then saves the cursor past it.</summary>
    private async Task<int> SettleAsync((Task<int> HandOver, string? NextCursor) page)
    {
        var count = await page.HandOver;
        if (!string.IsNullOrEmpty(page.NextCursor) && page.NextCursor != state.State.Cursor)
        {
            state.State.Cursor = page.NextCursor;
            await state.WriteStateAsync();
        }

        return count;
    }

    /// <summary>After a failure, lets the pages already under way finish, so that the next read never overlaps them.</summary>
    private static async Task LetFinishAsync(IEnumerable<(Task<int> HandOver, string? NextCursor)> pending)
    {
        try
        {
            await Task.WhenAll(pending.Select(p => p.HandOver));
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // Already reported once for this read; these pages are read again with the rest.
        }
    }

    private static bool IsTransient(Exception ex) => ex is RegistryException or OrleansException or TimeoutException;

    /// <summary>The enterprises of a page that business registration knows, asking only those not admitted before.</summary>
    private async Task<List<(IEnterpriseGrain Grain, List<RegistryRecord> Records)>> AdmitAsync(Dictionary<string, List<RegistryRecord>> byEnterprise)
    {
        var unknown = byEnterprise.Keys.Where(code => !_admitted.ContainsKey(code)).Select(code => (Code: code, Grain: GrainFactory.GetGrain<IEnterpriseGrain>(code))).ToList();
        var answers = await Task.WhenAll(unknown.Select(e => e.Grain.Admit()));
        for (var i = 0; i < unknown.Count; i++)
        {
            if (answers[i])
            {
                _admitted[unknown[i].Code] = unknown[i].Grain;
            }
        }

        var known = new List<(IEnterpriseGrain Grain, List<RegistryRecord> Records)>(byEnterprise.Count);
        foreach (var (code, records) in byEnterprise)
        {
            if (_admitted.TryGetValue(code, out var grain))
            {
                known.Add((grain, records));
            }
        }

        return known;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed of {Registry} named {Count} enterprises that business registration does not know; their records are not kept")]
    private static partial void LogUnknownEnterprises(ILogger logger, string registry, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The change feed of {Registry} no longer keeps the records after cursor {FromCursor}; reading resumes at {ToCursor} and the gap is shown on registry health")]
    private static partial void LogGap(ILogger logger, string registry, string? fromCursor, string toCursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed of {Registry} failed; it is read again from the same cursor next cycle: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string registry, string reason);
}
