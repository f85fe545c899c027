using System.Net;
using Inspection.Contracts;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Models;
using Inspection.Contracts.Registries;
using Inspection.Contracts.Reports;
using Inspection.Rules;
using Inspection.Rules.Anomalies;
using Inspection.Rules.Features;
using Inspection.Rules.Scoring;
using Inspection.Silo.Registries;
using Inspection.Silo.RulePacks;
using Inspection.Silo.Storage;
using Inspection.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Grains;

/// <summary>
/// One enterprise under supervision. On its cadence it reads each registry from that registry's stored
/// cursor (each on its own, so one slow registry holds up nothing else), appends what is new to the
/// evidence store, re-evaluates the rule pack in force and publishes the flags it had not raised before;
/// what dry-run rule versions find is recorded apart. Records are stored before the cursor that passes
/// them is saved, so a crash at any point re-reads rather than loses, and the evidence store's
/// idempotence makes the re-read harmless. A record is judged missing only in a registry read to its
/// end: one this grain pulled to its last page, or a change feed whose reader has caught up.
/// </summary>
public sealed partial class EnterpriseGrain(
    [PersistentState("enterprise", GrainStorageNames.Enterprises)] IPersistentState<EnterpriseState> state,
    RegistryClient registries,
    IEvidenceStore evidence,
    RulePackProvider packs,
    FeedCompletenessMonitor feeds,
    IReportCatalog reportTemplates,
    IReportStore reports,
    IOptions<RegistryOptions> options,
    TimeProvider time,
    ILogger<EnterpriseGrain> logger) : Grain, IEnterpriseGrain, IRemindable
{
    private const string KeepAliveReminder = "monitoring";

    /// <summary>Reminders wake the grain after a restart or a silo loss; the timer does the pulling while it is active.</summary>
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(5);

    /// <summary>The latest month and the twelve before it: the enterprise's own history, which the latest is judged against.</summary>
    private const int HistoryMonths = 13;

    private static readonly int PayrollFeature = EnterpriseFeatures.Names.ToList().IndexOf("payrollHeadcount");

    private readonly FactSet _facts = new(packs.Current);
    private readonly HashSet<string> _pulledToEnd = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dryRunRecorded = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _caughtUpFeeds = [];
    private readonly Dictionary<string, Task<RegistryOutcome>> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _assessGate = new(1, 1);
    private EnterpriseCode _code;
    private IGrainTimer? _timer;
    private TimeSpan _timerPeriod;
    private Task? _factsLoading;
    private Task? _assessmentDue;
    private EnterpriseListing? _listed;
    private RegistryRecord? _registration;
    private bool _assessed;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _code = EnterpriseCode.Parse(this.GetPrimaryKeyString());
        if (state.State.Monitored)
        {
            StartTimer();
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task StartMonitoring()
    {
        StartTimer();
        if (!state.State.Monitored)
        {
            state.State.Monitored = true;
            state.State.EnterpriseCode = _code.Value;
            await WriteStateAsync();
            if (PullsForItself)
            {
                await this.RegisterOrUpdateReminder(KeepAliveReminder, KeepAlivePeriod, KeepAlivePeriod);
            }
        }
    }

    public Task<PullReport> PullNow() => PullAsync();

    public async Task<bool> Admit()
    {
        // A feed may name an enterprise this platform has not met: business registration says whether it exists.
        if (!state.State.Monitored)
        {
            if (!await IsRegisteredAsync())
            {
                DeactivateOnIdle();
                return false;
            }

            await StartMonitoring();
        }

        return true;
    }

    public async Task Absorb(IReadOnlyList<RegistryRecord> records)
    {
        await (_factsLoading ??= LoadFactsAsync());
        var changed = Remember(records);
        state.State.LastPulledAt = time.GetUtcNow();
        if (changed || !_assessed)
        {
            await AssessmentDue();
        }
    }

    public async Task Reassess(IReadOnlyList<string> caughtUpFeeds)
    {
        await (_factsLoading ??= LoadFactsAsync());
        // Only for this assessment: a feed may fall behind again later, and this silo's view then knows.
        _caughtUpFeeds = caughtUpFeeds;
        try
        {
            await AssessAsync(force: true);
        }
        finally
        {
            _caughtUpFeeds = [];
        }
    }

    public async Task<IReadOnlyList<RiskFlag>> AssessAsOf(DateOnly asOf)
    {
        await (_factsLoading ??= LoadFactsAsync());
        if (_registration is not { } registration)
        {
            return [];
        }

        var profile = EnterpriseProfile.From(registration);
        var now = time.GetUtcNow();
        return [.. packs.Current.Evaluate(_facts, asOf, CompleteRegistries()).Where(hit => !hit.DryRun).Select(hit => ToFlag(hit, profile, now))];
    }

    public async Task<ModelInputs?> GetModelInputs()
    {
        await (_factsLoading ??= LoadFactsAsync());
        if (_registration is not { } registration)
        {
            return null;
        }

        var profile = EnterpriseProfile.From(registration);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var history = EnterpriseFeatures.History(_facts, today, HistoryMonths);
        var features = history.Count == 0 ? null : history[^1];
        var severities = packs.Current.Evaluate(_facts, today, CompleteRegistries()).Where(hit => !hit.DryRun).Select(hit => hit.Severity).ToList();
        return new ModelInputs(
            _code.Value, profile.Sector, PeerGroup.SizeBandOf(features?[PayrollFeature] ?? double.NaN), profile.Province,
            features, history, RiskScore.Parts(severities, null, null).Rules, severities.Count);
    }

    public async Task TakeModelScores(ModelScores scores)
    {
        await (_factsLoading ??= LoadFactsAsync());
        state.State.Models = scores;
        await AssessAsync(force: true);
    }

    public Task<EnterpriseStatus> GetStatus() => Task.FromResult(new EnterpriseStatus(
        _code.Value,
        state.State.Monitored,
        new Dictionary<string, string>(state.State.Cursors),
        state.State.LastPulledAt,
        state.State.OpenFlagIds.Count,
        state.State.RiskScore,
        [.. state.State.OpenFlagIds.Order(StringComparer.Ordinal)]));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Being woken is the point: activation restarts the pull timer of a monitored enterprise.
        if (state.State.Monitored)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    private async Task<bool> IsRegisteredAsync()
    {
        try
        {
            await registries.GetEnterpriseRecordsAsync(RegistryIds.BusinessRegistration, _code, null, CancellationToken.None);
            return true;
        }
        catch (RegistryException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task StopMonitoringAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (state.State.Monitored)
        {
            state.State.Monitored = false;
            await WriteStateAsync();
            if (await this.GetReminder(KeepAliveReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }

        DeactivateOnIdle();
    }

    /// <summary>
    /// Whether some registry is pulled by this grain itself. When every registry comes through change
    /// feeds, the feed readers wake the enterprise with its records; it then needs no timer or reminder,
    /// and Orleans may deactivate it while it is idle, which keeps a national sweep's memory bounded.
    /// </summary>
    private bool PullsForItself => options.Value.PerEnterpriseRegistries.Any();

    /// <summary>
    /// The next assessment, shared by every caller until it starts: records from several pages and
    /// registries that arrive within <see cref="RegistryOptions.AssessmentDelay"/> are judged once, and each
    /// caller still returns only after an assessment that saw its records.
    /// </summary>
    private Task AssessmentDue() => _assessmentDue ??= AssessAfterDelayAsync();

    private async Task AssessAfterDelayAsync()
    {
        await Task.Delay(options.Value.AssessmentDelay, time);
        // Records remembered from here on were not seen by the assessment below: they make the next one due.
        _assessmentDue = null;
        await AssessAsync(force: true);
    }

    /// <summary>A new risk score may call for another cadence: the timer is started again at it.</summary>
    private void KeepCadence()
    {
        if (_timer is not null && PullCadence.For(state.State.RiskScore, options.Value.PullInterval) != _timerPeriod)
        {
            _timer.Dispose();
            _timer = null;
            StartTimer();
        }
    }

    private void StartTimer()
    {
        if (_timer is not null || !PullsForItself)
        {
            return;
        }

        var period = _timerPeriod = PullCadence.For(state.State.RiskScore, options.Value.PullInterval);
        // Spread the first pulls of many enterprises activated together over a few seconds.
        var firstPull = TimeSpan.FromMilliseconds(Random.Shared.Next((int)Math.Min(period.TotalMilliseconds, 5_000)));
        _timer = this.RegisterGrainTimer(
            _ =>
            {
                StartDuePulls();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(firstPull, period) { Interleave = false, KeepAlive = true });
    }

    /// <summary>
    /// Starts a pull of every registry that is not still being pulled, without waiting for them: a
    /// registry that hangs keeps only its own pull waiting, and the others go on at their cadence.
    /// The pulls run on this activation and interleave only at their awaits.
    /// </summary>
    private void StartDuePulls()
    {
        foreach (var registry in options.Value.PerEnterpriseRegistries)
        {
            if (!_inFlight.TryGetValue(registry, out var pull) || pull.IsCompleted)
            {
                _inFlight[registry] = PullAndAssessAsync(registry);
            }
        }
    }

    private async Task<PullReport> PullAsync()
    {
        StartDuePulls();
        var pulls = _inFlight.Values.ToList();
        var outcomes = await Task.WhenAll(pulls);
        // After activation the rules run once even without new records: the pack may have changed since.
        var raised = await AssessAsync(force: !_assessed);
        return new PullReport(
            outcomes.Sum(o => o.Received),
            outcomes.Sum(o => o.Stored),
            outcomes.Sum(o => o.Raised) + raised,
            [.. outcomes.Where(o => o.Failed).Select(o => o.Registry)]);
    }

    private async Task<RegistryOutcome> PullAndAssessAsync(string registry)
    {
        using var activity = InspectionTelemetry.Source.StartActivity("enterprise.pull");
        activity?.SetTag("registry", registry);
        await (_factsLoading ??= LoadFactsAsync());
        var (received, stored, failed, toEnd) = await PullRegistryAsync(registry, CancellationToken.None);
        // A registry read to its end for the first time lets the calendar rules judge what it lacks; one
        // that failed or has more waiting is not complete until a pull reaches its end again.
        var newlyComplete = false;
        if (toEnd)
        {
            newlyComplete = _pulledToEnd.Add(registry);
        }
        else
        {
            _pulledToEnd.Remove(registry);
        }

        var raised = await AssessAsync(force: stored > 0 || !_assessed || newlyComplete);
        state.State.LastPulledAt = time.GetUtcNow();
        return new RegistryOutcome(registry, received, stored, raised, failed);
    }

    private async Task LoadFactsAsync()
    {
        Remember(await evidence.GetLatestRecordsAsync(_code.Value, CancellationToken.None));
    }

    /// <returns>What was received and stored, whether the pull failed, and whether it read the registry to its last page.</returns>
    private async Task<(int Received, int Stored, bool Failed, bool ToEnd)> PullRegistryAsync(string registry, CancellationToken ct)
    {
        var received = 0;
        var stored = 0;
        var toEnd = false;
        try
        {
            for (var page = 0; page < options.Value.MaxPagesPerCycle; page++)
            {
                state.State.Cursors.TryGetValue(registry, out var cursor);
                var answer = await registries.GetEnterpriseRecordsAsync(registry, _code, cursor, ct);
                received += answer.Records.Count;
                if (answer.Records.Count > 0)
                {
                    stored += await evidence.AppendRecordsAsync(answer.Records, ct);
                    Remember(answer.Records);
                }

                if (!string.IsNullOrEmpty(answer.NextCursor) && answer.NextCursor != cursor)
                {
                    state.State.Cursors[registry] = answer.NextCursor;
                    await WriteStateAsync();
                }

                if (!answer.HasMore)
                {
                    toEnd = true;
                    break;
                }
            }
        }
        catch (RegistryException ex) when (registry == RegistryIds.BusinessRegistration && ex.Status == HttpStatusCode.NotFound)
        {
            // Business registration does not know this code (a change feed named an enterprise that does not exist).
            LogUnknownEnterprise(logger);
            await StopMonitoringAsync();
            return (received, stored, true, false);
        }
        catch (RegistryException ex)
        {
            InspectionTelemetry.PullFailures.Add(1, new KeyValuePair<string, object?>("registry", registry));
            LogPullFailed(logger, registry, ex.Message);
            return (received, stored, true, false);
        }
        finally
        {
            InspectionTelemetry.RecordsStored.Add(stored, new KeyValuePair<string, object?>("registry", registry));
        }

        return (received, stored, false, toEnd);
    }

    /// <summary>The registries read to their end for this enterprise: those it pulled to the last page, and the caught-up change feeds.</summary>
    private IReadOnlySet<string> CompleteRegistries()
    {
        // Usually this silo's view of the feeds is all there is (every registry in one mode, and no
        // sweep just told of a feed the view has not seen catch up yet): then no set need be made.
        var followed = feeds.Complete;
        if (_pulledToEnd.Count == 0 && _caughtUpFeeds.All(followed.Contains))
        {
            return followed;
        }

        var complete = new HashSet<string>(_pulledToEnd, StringComparer.Ordinal);
        complete.UnionWith(followed);
        complete.UnionWith(_caughtUpFeeds);
        return complete;
    }

    /// <summary>Registries are pulled side by side within this activation; their state writes must not overlap.</summary>
    private async Task WriteStateAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Keeps the latest version of each record as the rules read it; returns whether any was news.
    /// Provenance stays in the evidence store: the grain keeps only what it judges, and the latest
    /// registration, whose name and province the listing shows.
    /// </summary>
    private bool Remember(IEnumerable<RegistryRecord> records)
    {
        var facts = new List<FactRecord>();
        foreach (var record in records)
        {
            if (record.Registry == RegistryIds.BusinessRegistration && (_registration is null || _registration.Version < record.Version))
            {
                _registration = record;
            }

            facts.Add(new FactRecord(record.Registry, record.RecordId, record.Version, record.Kind, record.Period, record.Fields));
        }

        return _facts.RememberAll(facts) > 0;
    }

    /// <summary>
    /// Re-assesses the enterprise when something changed; returns how many flags were raised for the
    /// first time. One assessment at a time, so that two registries' pulls never raise the same flag twice.
    /// </summary>
    private async Task<int> AssessAsync(bool force)
    {
        if (!force)
        {
            return 0;
        }

        await _assessGate.WaitAsync();
        try
        {
            return await EvaluateAsync(CancellationToken.None);
        }
        finally
        {
            _assessGate.Release();
        }
    }

    private async Task<int> EvaluateAsync(CancellationToken ct)
    {
        if (_registration is not { } registration)
        {
            return 0;
        }

        _assessed = true;
        InspectionTelemetry.Assessments.Add(1);
        // To the millisecond, as the evidence store keeps times: a flag reads back exactly as it was raised.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var hits = packs.Current.Evaluate(_facts, DateOnly.FromDateTime(now.UtcDateTime), CompleteRegistries());
        var profile = EnterpriseProfile.From(registration);
        var flags = hits.Where(hit => !hit.DryRun).Select(hit => ToFlag(hit, profile, now)).ToList();
        var trials = hits.Where(hit => hit.DryRun).Select(hit => ToFlag(hit, profile, now)).Where(flag => !_dryRunRecorded.Contains(flag.FlagId)).ToList();
        if (trials.Count > 0)
        {
            // Recorded for the counts of a version on trial; never shown, pushed or scored.
            await evidence.AppendDryRunFlagsAsync(trials, ct);
            _dryRunRecorded.UnionWith(trials.Select(trial => trial.FlagId));
        }

        var fresh = flags.Where(f => !state.State.OpenFlagIds.Contains(f.FlagId)).ToList();
        var work = new List<Task>(3);
        if (fresh.Count > 0)
        {
            // Stored before anyone is told, so that an inspector following the push finds the flag's evidence.
            await evidence.AppendFlagsAsync(fresh, ct);
            InspectionTelemetry.FlagsRaised.Add(fresh.Count);
            work.Add(PublishAsync(fresh));
        }

        // Most new records change nothing an inspector sees: then there is nothing to write.
        var models = state.State.Models;
        var risk = RiskScore.Combine(flags.Select(f => f.Severity), UnusualnessOf(models), models?.ViolationProbability);
        var open = flags.Select(f => f.FlagId).ToHashSet(StringComparer.Ordinal);
        if (!open.SetEquals(state.State.OpenFlagIds) || risk.Score != state.State.RiskScore)
        {
            state.State.OpenFlagIds = open;
            state.State.RiskScore = risk.Score;
            work.Add(WriteStateAsync());
            KeepCadence();
        }

        var listing = new EnterpriseListing(_code.Value, profile.Name, profile.Province, profile.ProvinceName, profile.Sector, profile.Status,
            risk.Score, risk.Tier, flags.Count, LastPulledAt: null, RiskReasons.Of(flags, models));
        if (_listed is null || !RiskReasons.SameListing(listing, _listed))
        {
            work.Add(ListAsync(listing, now, ct));
        }

        await Task.WhenAll(work);
        return fresh.Count;
    }

    /// <summary>How unusual the enterprise is: among its peers or against its own history, whichever says more.</summary>
    private static double? UnusualnessOf(ModelScores? models) =>
        models is null ? null : Math.Max(models.AnomalyScore ?? 0, models.History?.Score ?? 0);

    private RiskFlag ToFlag(RuleHit hit, EnterpriseProfile profile, DateTimeOffset now) => new(
        hit.FingerprintFor(_code.Value), _code.Value, profile.Name, profile.Province, profile.Sector,
        hit.RuleId, hit.RuleVersion, hit.Severity, hit.Period,
        new LocalizedText(hit.TitleVi, hit.TitleEn), new LocalizedText(hit.ExplanationVi, hit.ExplanationEn),
        hit.LegalBasis, hit.Values, hit.RecordReferences, now);

    private async Task ListAsync(EnterpriseListing listing, DateTimeOffset now, CancellationToken ct)
    {
        await evidence.UpsertEnterpriseAsync(listing with { LastPulledAt = now }, ct);
        _listed = listing;
    }

    private async Task PublishAsync(IReadOnlyList<RiskFlag> flags)
    {
        try
        {
            await GrainFactory.GetGrain<IRiskFeedGrain>(IRiskFeedGrain.Key).Publish(flags);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // The flags are already in the evidence store; only the live push is lost, and dashboards re-read on reconnect.
            LogPublishFailed(logger, flags.Count, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulling registry {Registry} failed this cycle; it is retried next cycle: {Reason}")]
    private static partial void LogPullFailed(ILogger logger, string registry, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Business registration does not know this enterprise code; monitoring stops")]
    private static partial void LogUnknownEnterprise(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} new flags live failed: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, int count, string reason);
}
