using System.Globalization;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Grains;
using Inspection.Silo.Cases;
using Inspection.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Grains;

/// <summary>
/// One inspection case: reads it from the case store when activated, takes each step by
/// <see cref="CaseRules"/>, and records it (the case after it, and its audit entry) before answering.
/// Steps are taken one at a time: the grain is the case's only writer.
/// </summary>
/// <remarks>
/// While a request awaits its answer, the case watches its due date (<see cref="CaseDeadlines"/>): a grain
/// timer looks every <see cref="CaseOptions.DeadlineCheckInterval"/> while the grain is active, and a
/// reminder wakes it after a restart or a deactivation. Each notice sent is itself a recorded step, so a
/// restart never repeats one. Once nothing is awaited, or the case is locked, both are dropped.
/// </remarks>
public sealed partial class CaseGrain(ICaseStore store, CaseClock clock, IOptions<CaseOptions> options, ILogger<CaseGrain> logger) : Grain, ICaseGrain, IRemindable
{
    private const string DeadlineReminder = "deadlines";
    private static readonly CaseActor System = new("system", "system");

    private CaseFile? _file;
    private IGrainTimer? _deadlineTimer;
    private IGrainReminder? _deadlineReminder;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _file = await store.GetAsync(this.GetPrimaryKeyString(), cancellationToken);
        _deadlineReminder = await this.GetReminder(DeadlineReminder);
        await WatchDeadlinesAsync();
    }

    public Task<CaseFile?> Get() => Task.FromResult(_file);

    public Task<CaseResult> Open(OpenCase command, CaseActor actor) =>
        _file is not null
            ? Task.FromResult(CaseResult.Refused(new CaseRefusal(CaseRefusal.NotAllowed, $"Case {_file.Id} is already open.")))
            : TakeAsync(now => CaseRules.Open(this.GetPrimaryKeyString(), command, actor, now), actor);

    public Task<CaseResult> Request(NewRequest command, CaseActor actor) => On((file, now) => CaseRules.Request(file, command, actor, now), actor);

    public Task<CaseResult> Answer(NewAnswer command, CaseActor actor) => On((file, now) => CaseRules.Answer(file, command, actor, now), actor);

    public Task<CaseResult> Review(RequestReview command, CaseActor actor) => On((file, _) => CaseRules.Review(file, command, actor), actor);

    public Task<CaseResult> Withdraw(int requestNumber, CaseActor actor) => On((file, _) => CaseRules.Withdraw(file, requestNumber), actor);

    public Task<CaseResult> ChangeMode(string mode, string reason, CaseActor actor) => On((file, now) => CaseRules.ChangeMode(file, mode, reason, actor, now), actor);

    public Task<CaseResult> RecordFinding(NewFinding command, CaseActor actor) => On((file, now) => CaseRules.RecordFinding(file, command, actor, now), actor);

    public Task<CaseResult> Conclude(NewConclusion command, CaseActor actor) => On((file, now) => CaseRules.Conclude(file, command, actor, now), actor);

    public Task<CaseResult> Cancel(string reason, CaseActor actor) => On((file, _) => CaseRules.Cancel(file, reason), actor);

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckDeadlinesAsync(CancellationToken.None);

    private Task<CaseResult> On(Func<CaseFile, DateTimeOffset, CaseStep> step, CaseActor actor) =>
        _file is not { } file
            ? Task.FromResult(CaseResult.Refused(new CaseRefusal(CaseRefusal.NotFound, $"There is no case {this.GetPrimaryKeyString()}.")))
            : TakeAsync(now => step(file, now), actor);

    private async Task<CaseResult> TakeAsync(Func<DateTimeOffset, CaseStep> take, CaseActor actor)
    {
        var now = clock.Time.GetUtcNow();
        var result = await RecordAsync(take(now), actor, now);
        if (result.Case is not null)
        {
            await WatchDeadlinesAsync();
        }

        return result;
    }

    private async Task<CaseResult> RecordAsync(CaseStep step, CaseActor actor, DateTimeOffset now)
    {
        if (step.Case is not { } next)
        {
            return CaseResult.Refused(step.Refusal!);
        }

        await store.RecordAsync(next, step.Action, actor, now, step.Details, CancellationToken.None);
        _file = next;
        await NotifyAsync(next, step, now);
        return CaseResult.Done(next);
    }

    /// <summary>Sends (and records) each deadline notice the case owes now, then watches on or stops.</summary>
    private async Task CheckDeadlinesAsync(CancellationToken cancellationToken)
    {
        var now = clock.Time.GetUtcNow();
        foreach (var notice in _file is { } file ? CaseDeadlines.Owed(file, now, options.Value.DueSoon) : [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RecordAsync(CaseRules.NoteDeadline(_file!, notice), System, now);
        }

        await WatchDeadlinesAsync();
    }

    private async Task WatchDeadlinesAsync()
    {
        if (_file is { } file && CaseDeadlines.IsWatched(file))
        {
            var interval = options.Value.DeadlineCheckInterval;
            _deadlineTimer ??= this.RegisterGrainTimer(CheckDeadlinesAsync, TimeSpan.Zero, interval);
            if (_deadlineReminder is null)
            {
                var period = interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : interval;
                _deadlineReminder = await this.RegisterOrUpdateReminder(DeadlineReminder, period, period);
            }

            return;
        }

        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        if (_deadlineReminder is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _deadlineReminder = null;
        }
    }

    /// <summary>Tells whoever must act next; a notice that cannot be sent leaves the recorded step as it is.</summary>
    private async Task NotifyAsync(CaseFile file, CaseStep step, DateTimeOffset now)
    {
        var number = step.Details.TryGetValue("request", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var notice = new CaseNotice(file.Id, file.EnterpriseCode, file.Province, step.Action, number,
            number is { } requested ? file.Requests[requested - 1].DueOn : null, now);
        if (!notice.ForEnterprise && !notice.ForInspectors)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IRiskFeedGrain>(IRiskFeedGrain.Key).PublishCase(notice);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogNoticeFailed(logger, file.Id, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the notice of a step of case {CaseId}: {Reason}")]
    private static partial void LogNoticeFailed(ILogger logger, string caseId, string reason);
}
