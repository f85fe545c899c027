using System.Net;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Operations;
using Inspection.Contracts.Registries;
using Inspection.Silo.Registries;
using Inspection.Silo.Storage;
using Inspection.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Grains;

/// <summary>
/// Follows one registry's change feed, newest changes first: each read starts at the feed's head, so a
/// change reaches its enterprise within moments even while a backlog of millions of older records (a
/// first connection, a new period published at once) is still being worked through. The older records
/// are read after it, newest first as well, from stretches kept in the feed's state. Each page's records
/// (of enterprises business registration knows) are stored in one transaction and handed to their
/// enterprises to re-assess; the state moves past a page only after that, so a failure or a crash reads
/// the page again (harmlessly: storing is idempotent, and an enterprise keeps the highest version of
/// each record whatever order they arrive in) instead of skipping it. A registry that cannot read newest
/// first is read oldest first.
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

    // While a backlog is read, the head is looked at again this often, so that new changes go first.
    private static readonly TimeSpan HeadCheckInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(5);

    // Enterprises this reader has seen admitted, with their grain references: asking them again for every
    // page would double the grain calls of a sweep, and resolving a reference by key costs reflection.
    private readonly Dictionary<string, IEnterpriseGrain> _admitted = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;
    private Task<int>? _reading;
    private bool _readsNewestFirst = true;
    private bool _caughtUp;
    private long _headReachedAt;

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

    public Task<bool> IsCaughtUp() => Task.FromResult(IsComplete());

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
    /// Reads until the head has nothing new and no backlog remains; returns how many records were handed
    /// over. While the enterprises of one page assess, the next pages are already read and stored, so the
    /// registry and the grains work at once; the state still moves page by page, in the order they were
    /// read, each time past a page whose enterprises are done.
    /// </summary>
    private async Task<int> ReadToEndAsync()
    {
        var handed = 0;
        var pending = new Queue<PendingPage>();
        // What has been read: a few pages ahead of the state, which moves only past pages handed over.
        var read = new RegistryFeedState { Cursor = state.State.Cursor, Backlog = [.. state.State.Backlog] };
        var headChecked = long.MinValue;
        // Whether this read works through older records: once it is done, they may make records missing that were not.
        var throughBacklog = read.Backlog.Count > 0 || read.Cursor is null;
        var reachedHead = false;
        try
        {
            for (var page = 0; page < options.Value.MaxPagesPerCycle * 10; page++)
            {
                // Backlog pages wait for room in the pipeline; the head, when it is due, does not.
                while (pending.Count >= PagesInFlight && !HeadDue(read, headChecked))
                {
                    var oldest = pending.Peek().HandOver;
                    var headDue = HeadCheckInterval - time.GetElapsedTime(headChecked);
                    if (await Task.WhenAny(oldest, Task.Delay(headDue, time)) == oldest)
                    {
                        handed += await SettleAsync(pending.Dequeue());
                    }
                }

                var fromHead = HeadDue(read, headChecked);
                PendingPage next;
                try
                {
                    next = fromHead ? await ReadHeadAsync(read) : await ReadBacklogAsync(read);
                }
                catch (FeedCursorExpiredException expired)
                {
                    // The gap starts where the pages already read end: settle them first.
                    while (pending.Count > 0)
                    {
                        handed += await SettleAsync(pending.Dequeue());
                    }

                    await SkipGapAsync(read, fromHead, expired.OldestCursor);
                    continue;
                }

                headChecked = fromHead ? time.GetTimestamp() : headChecked;
                pending.Enqueue(next);
                throughBacklog |= read.Backlog.Count > 0;
                _caughtUp &= read.Backlog.Count == 0;
                if (fromHead && !next.MoreAtHead && read.Backlog.Count == 0)
                {
                    reachedHead = true;
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
            // Pages past the saved state are read again next time: their records were stored idempotently, or not at all.
            LogReadFailed(logger, Registry, ex.Message);
            await LetFinishAsync(pending);
            return handed;
        }

        await CaughtUpAsync(reachedHead, throughBacklog);
        return handed;
    }

    /// <summary>
    /// Whether the feed is read to its end: it last reached the head with no backlog left, and not longer
    /// ago than <see cref="RegistryOptions.ChangeFeedStaleAfter"/>. Reads failing for a moment leave it
    /// complete (the next read goes on from the same place); failing for longer, they may be keeping
    /// filings back, and then no filing of this registry is judged missing.
    /// </summary>
    private bool IsComplete() => _caughtUp && time.GetElapsedTime(_headReachedAt) <= options.Value.ChangeFeedStaleAfter;

    /// <summary>
    /// Notes whether the feed is read to its end. When it becomes complete again, after older records or
    /// after it went stale, every enterprise is assessed again: one judged meanwhile was judged without
    /// this registry's calendar rules, and a record none of them had seen may now be known to be missing.
    /// </summary>
    private async Task CaughtUpAsync(bool reachedHead, bool throughBacklog)
    {
        var wasComplete = IsComplete();
        _caughtUp = reachedHead;
        if (!reachedHead)
        {
            return;
        }

        _headReachedAt = time.GetTimestamp();
        if (throughBacklog || !wasComplete)
        {
            try
            {
                await GrainFactory.GetGrain<IReassessmentGrain>(IReassessmentGrain.Key).Request($"the {Registry} feed caught up");
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // The daily sweep assesses them anyway.
                LogReassessmentNotRequested(logger, Registry, ex.Message);
            }
        }
    }

    /// <summary>Whether the head is to be read next: always without a backlog, and every <see cref="HeadCheckInterval"/> while one is read.</summary>
    private bool HeadDue(RegistryFeedState read, long headChecked) =>
        read.Backlog.Count == 0 || headChecked == long.MinValue || time.GetElapsedTime(headChecked) >= HeadCheckInterval;

    /// <summary>
    /// Reads the newest records after the cursor. What lies between the cursor and that page becomes the
    /// newest stretch of the backlog; the cursor moves to the head.
    /// </summary>
    private async Task<PendingPage> ReadHeadAsync(RegistryFeedState read)
    {
        var since = read.Cursor;
        var answer = await ReadHeadPageAsync(since);
        if (answer.UntilCursor is null)
        {
            // An oldest-first page: more may follow it straight away.
            Advance(read, answer.NextCursor, older: null);
            return new PendingPage(HandOverAsync(answer.Records), saved => Advance(saved, answer.NextCursor, older: null), answer.HasMore);
        }

        var older = answer.HasMore ? new FeedRange(since, answer.UntilCursor) : null;
        Advance(read, answer.NextCursor, older);
        return new PendingPage(HandOverAsync(answer.Records), saved => Advance(saved, answer.NextCursor, older), MoreAtHead: false);
    }

    private async Task<RegistryPage> ReadHeadPageAsync(string? since)
    {
        if (_readsNewestFirst)
        {
            try
            {
                return await registries.GetNewestChangesAsync(Registry, since, until: null, CancellationToken.None);
            }
            catch (RegistryException ex) when (ex.Status == HttpStatusCode.BadRequest)
            {
                // A registry that refuses order=newest outright: read it oldest first from now on.
                _readsNewestFirst = false;
                LogOldestFirst(logger, Registry, ex.Message);
            }
        }

        return await registries.GetChangesAsync(Registry, since, CancellationToken.None);
    }

    /// <summary>Reads the newest page of the newest backlog stretch, which then ends below that page (or is done).</summary>
    private async Task<PendingPage> ReadBacklogAsync(RegistryFeedState read)
    {
        var range = read.Backlog[0];
        var answer = await registries.GetNewestChangesAsync(Registry, range.After, range.Until, CancellationToken.None);
        if (answer.UntilCursor is null)
        {
            throw new RegistryException(Registry, $"Registry '{Registry}' answered a bounded newest-first read without an untilCursor.");
        }

        var remaining = answer.HasMore ? range with { Until = answer.UntilCursor } : null;
        Shorten(read, remaining);
        return new PendingPage(HandOverAsync(answer.Records), saved => Shorten(saved, remaining), MoreAtHead: false);
    }

    /// <summary>The cursor moves to <paramref name="next"/> (when the page gave one); <paramref name="older"/>, if any, becomes the newest backlog stretch.</summary>
    /// <returns>Whether anything changed.</returns>
    private static bool Advance(RegistryFeedState feed, string? next, FeedRange? older)
    {
        var moved = !string.IsNullOrEmpty(next) && next != feed.Cursor;
        feed.Cursor = moved ? next : feed.Cursor;
        if (older is not null)
        {
            feed.Backlog.Insert(0, older);
        }

        return moved || older is not null;
    }

    /// <summary>The newest backlog stretch becomes <paramref name="remaining"/>, or is done when nothing remains.</summary>
    /// <returns>Always true: the backlog changed.</returns>
    private static bool Shorten(RegistryFeedState feed, FeedRange? remaining)
    {
        if (remaining is null)
        {
            feed.Backlog.RemoveAt(0);
        }
        else
        {
            feed.Backlog[0] = remaining;
        }

        return true;
    }

    /// <summary>
    /// Records that the feed dropped what lay between where reading stood (the cursor, or the start of
    /// the backlog stretch being read) and <paramref name="oldestCursor"/>, and resumes there: the loss is
    /// kept in the feed's state and shown on registry health, never passed over in silence.
    /// </summary>
    private async Task SkipGapAsync(RegistryFeedState read, bool atHead, string oldestCursor)
    {
        var from = atHead ? state.State.Cursor : state.State.Backlog[0].After;
        var gap = new FeedGap(Registry, from, oldestCursor, time.GetUtcNow());
        foreach (var feed in (RegistryFeedState[])[read, state.State])
        {
            if (atHead)
            {
                feed.Cursor = oldestCursor;
            }
            else
            {
                feed.Backlog[0] = feed.Backlog[0] with { After = oldestCursor };
            }
        }

        state.State.Gaps.Add(gap);
        await state.WriteStateAsync();
        health.GapFound(gap);
        InspectionTelemetry.FeedGaps.Add(1, new KeyValuePair<string, object?>("registry", Registry));
        LogGap(logger, Registry, gap.FromCursor, oldestCursor);
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

    /// <summary>Waits for a page to be handed over, then saves the state past it.</summary>
    private async Task<int> SettleAsync(PendingPage page)
    {
        var count = await page.HandOver;
        if (page.Settle(state.State))
        {
            await state.WriteStateAsync();
        }

        return count;
    }

    /// <summary>After a failure, lets the pages already under way finish, so that the next read never overlaps them.</summary>
    private static async Task LetFinishAsync(IEnumerable<PendingPage> pending)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the change feed of {Registry} failed; it is read again from the same place next cycle: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string registry, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Registry} feed caught up, but the reassessment of every enterprise could not be requested: {Reason}")]
    private static partial void LogReassessmentNotRequested(ILogger logger, string registry, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change feed of {Registry} refused to be read newest first; it is read oldest first: {Reason}")]
    private static partial void LogOldestFirst(ILogger logger, string registry, string reason);

    /// <summary>
    /// A page read and being handed over: how to move the saved state past it once its enterprises are
    /// done, and whether the head had more for the reader straight away (an oldest-first page that was full).
    /// </summary>
    private sealed record PendingPage(Task<int> HandOver, Func<RegistryFeedState, bool> Settle, bool MoreAtHead);
}
