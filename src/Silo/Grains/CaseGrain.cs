using System.Globalization;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Grains;
using Inspection.Silo.Cases;
using Inspection.Silo.Storage;

namespace Inspection.Silo.Grains;

/// <summary>
/// One inspection case: reads it from the case store when activated, takes each step by
/// <see cref="CaseRules"/>, and records it (the case after it, and its audit entry) before answering.
/// Steps are taken one at a time: the grain is the case's only writer.
/// </summary>
public sealed partial class CaseGrain(ICaseStore store, TimeProvider time, ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    private CaseFile? _file;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _file = await store.GetAsync(this.GetPrimaryKeyString(), cancellationToken);

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

    private Task<CaseResult> On(Func<CaseFile, DateTimeOffset, CaseStep> step, CaseActor actor) =>
        _file is not { } file
            ? Task.FromResult(CaseResult.Refused(new CaseRefusal(CaseRefusal.NotFound, $"There is no case {this.GetPrimaryKeyString()}.")))
            : TakeAsync(now => step(file, now), actor);

    private async Task<CaseResult> TakeAsync(Func<DateTimeOffset, CaseStep> take, CaseActor actor)
    {
        var now = time.GetUtcNow();
        var step = take(now);
        if (step.Case is not { } next)
        {
            return CaseResult.Refused(step.Refusal!);
        }

        await store.RecordAsync(next, step.Action, actor, now, step.Details, CancellationToken.None);
        _file = next;
        await NotifyAsync(next, step, now);
        return CaseResult.Done(next);
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
