using System.Globalization;
using Inspection.Contracts;
using Inspection.Contracts.Cases;

namespace Inspection.Silo.Cases;

/// <summary>
/// The lawful steps of a case (trình tự kiểm tra), as a state machine over <see cref="CaseFile"/>:
/// <list type="bullet">
/// <item>open, under a decision with number, date, legal basis, scope, team and deadline;</item>
/// <item>requests to the enterprise while the case is open or under way; the enterprise answers an
/// awaiting request (or one returned to it); the inspector accepts an answer or returns it, or withdraws
/// a request;</item>
/// <item>findings, each resting on at least one piece of evidence; a document must be one the case's
/// answers supplied;</item>
/// <item>a change of mode, with its reason;</item>
/// <item>conclusion, once no request awaits an answer or review, with an outcome (one that found a
/// violation needs a violation finding) and follow-ups due after the conclusion; or cancellation, with
/// its reason.</item>
/// </list>
/// The case itself records the deadline notices it sends (<see cref="CaseDeadlines"/> says which are owed),
/// each once. A concluded or cancelled case is locked: every step on it is refused. No I/O: the grain keeps and records.
/// </summary>
public static class CaseRules
{
    public const int MaxText = 4000;

    public static CaseStep Open(string id, OpenCase command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        var decision = command.Decision;
        if (!EnterpriseCode.TryParse(command.EnterpriseCode, out _, out var codeError))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, codeError, "enterpriseCode");
        }

        if (decision is null)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "A case opens under a decision.", "decision");
        }

        var refusal = Required(decision.Number, "decision.number", 100)
            ?? Required(decision.LegalBasis, "decision.legalBasis", MaxText)
            ?? Required(decision.Scope, "decision.scope", MaxText)
            ?? Required(command.Agency, "agency", 100);
        if (refusal is not null)
        {
            return refusal;
        }

        if (decision.Team is null || decision.Team.Count == 0 || decision.Team.Any(string.IsNullOrWhiteSpace))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "The decision names the team: at least one account, none blank.", "decision.team");
        }

        if (decision.Deadline < decision.Date)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "The deadline cannot come before the decision's date.", "decision.deadline");
        }

        if (!CaseModes.All.Contains(command.Mode))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"The mode is one of {string.Join(", ", CaseModes.All)}.", "mode");
        }

        if (!CaseSelections.All.Contains(command.Selection))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"The selection is one of {string.Join(", ", CaseSelections.All)}.", "selection");
        }

        if (command.Plan is not null && command.Selection != CaseSelections.Plan)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "Only a case chosen by the plan carries out a plan entry.", "plan");
        }

        var file = new CaseFile(
            id, command.EnterpriseCode, command.Province, command.Sector, command.Agency.Trim(), command.Selection,
            decision with { Number = decision.Number.Trim(), Team = [.. decision.Team.Select(member => member.Trim())] },
            command.Mode, [], CaseStatuses.Open, [], [], null, null, now, actor.Subject, 1, Plan: command.Plan);
        (string, string?)[] opening = [("enterprise", file.EnterpriseCode), ("decision", file.Decision.Number), ("mode", file.Mode), ("selection", file.Selection)];
        return Step(file, "case.opened", file.Plan is { } plan ? [.. opening, ("plan", $"{plan.PlanId}#{Text(plan.EntryNumber)}")] : opening);
    }

    public static CaseStep Request(CaseFile file, NewRequest command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (Required(command.Text, "text", MaxText) is { } invalid)
        {
            return invalid;
        }

        if (command.DueOn < DateOnly.FromDateTime(now.UtcDateTime))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "A request cannot be due in the past.", "dueOn");
        }

        var request = new CaseRequest(file.Requests.Count + 1, command.Text.Trim(), command.DueOn, RequestStatuses.Awaiting, now, actor.Subject, []);
        return Step(Next(file) with { Requests = [.. file.Requests, request] }, "case.request-sent",
            ("request", Text(request.Number)), ("dueOn", request.DueOn.ToString("O", CultureInfo.InvariantCulture)));
    }

    public static CaseStep Answer(CaseFile file, NewAnswer command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(file);
        if (file.RefusesAnswerTo(command.RequestNumber) is { } refusal)
        {
            return CaseStep.Refuse(refusal);
        }

        var request = Find(file, command.RequestNumber)!;
        if (string.IsNullOrWhiteSpace(command.Text) && command.Documents.Count == 0)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "An answer says something or supplies a document.", "text");
        }

        if (command.Text?.Length > MaxText)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"An answer's text is at most {MaxText} characters.", "text");
        }

        var answer = new CaseAnswer(now, actor.Subject, command.Text?.Trim() ?? string.Empty, command.Documents);
        var answered = request with { Status = RequestStatuses.Answered, Answers = [.. request.Answers, answer] };
        return Step(Replace(file, answered), "case.request-answered",
            ("request", Text(request.Number)), ("documents", string.Join(",", command.Documents.Select(d => d.Sha256))));
    }

    public static CaseStep Review(CaseFile file, RequestReview command, CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (Find(file, command.RequestNumber) is not { } request)
        {
            return NoSuchRequest(command.RequestNumber);
        }

        if (request.Status != RequestStatuses.Answered)
        {
            return CaseStep.Refuse(CaseRefusal.NotAllowed, $"Request {request.Number} is {request.Status}: only an answered request is reviewed.");
        }

        if (command.Note?.Length > MaxText)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"note is at most {MaxText} characters.", "note");
        }

        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var reviewed = request with { Status = command.Accept ? RequestStatuses.Accepted : RequestStatuses.Awaiting, ReviewNote = note };
        return Step(Replace(file, reviewed), command.Accept ? "case.answer-accepted" : "case.answer-returned", ("request", Text(request.Number)), ("by", actor.Subject), ("note", note));
    }

    public static CaseStep Withdraw(CaseFile file, int requestNumber)
    {
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (Find(file, requestNumber) is not { } request)
        {
            return NoSuchRequest(requestNumber);
        }

        if (request.Status is RequestStatuses.Accepted or RequestStatuses.Withdrawn)
        {
            return CaseStep.Refuse(CaseRefusal.NotAllowed, $"Request {request.Number} is {request.Status}: there is nothing left to withdraw.");
        }

        return Step(Replace(file, request with { Status = RequestStatuses.Withdrawn }), "case.request-withdrawn", ("request", Text(request.Number)));
    }

    public static CaseStep ChangeMode(CaseFile file, string mode, string reason, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (!CaseModes.All.Contains(mode))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"The mode is one of {string.Join(", ", CaseModes.All)}.", "mode");
        }

        if (mode == file.Mode)
        {
            return CaseStep.Refuse(CaseRefusal.NotAllowed, $"The case is already {mode}.", "mode");
        }

        if (Required(reason, "reason", MaxText) is { } invalid)
        {
            return invalid;
        }

        var change = new ModeChange(file.Mode, mode, reason.Trim(), now, actor.Subject);
        return Step(Next(file) with { Mode = mode, ModeChanges = [.. file.ModeChanges, change] }, "case.mode-changed", ("from", change.From), ("to", change.To));
    }

    public static CaseStep RecordFinding(CaseFile file, NewFinding command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (Required(command.Text, "text", MaxText) is { } invalid)
        {
            return invalid;
        }

        if (command.Evidence is null || command.Evidence.Count == 0)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, "A finding rests on evidence: at least one record, flag or document.", "evidence");
        }

        if (command.Evidence.FirstOrDefault(e => !EvidenceKinds.All.Contains(e.Kind) || string.IsNullOrWhiteSpace(e.Id)) is { } unknown)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"Evidence is a {string.Join(", ", EvidenceKinds.All)} with its id; '{unknown.Kind}' is not.", "evidence");
        }

        var supplied = file.Requests.SelectMany(r => r.Answers).SelectMany(a => a.Documents).Select(d => d.Sha256).ToHashSet(StringComparer.Ordinal);
        if (command.Evidence.FirstOrDefault(e => e.Kind == EvidenceKinds.Document && !supplied.Contains(e.Id)) is { } stranger)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"Document {stranger.Id} was not supplied in this case.", "evidence");
        }

        var finding = new CaseFinding(file.Findings.Count + 1, command.Text.Trim(), command.IsViolation, command.Evidence, now, actor.Subject);
        return Step(Next(file) with { Findings = [.. file.Findings, finding] }, "case.finding-recorded",
            ("finding", Text(finding.Number)), ("violation", finding.IsViolation ? "true" : "false"),
            ("evidence", string.Join(",", finding.Evidence.Select(e => $"{e.Kind}:{e.Id}"))));
    }

    public static CaseStep Conclude(CaseFile file, NewConclusion command, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (!CaseOutcomes.All.Contains(command.Outcome))
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"The outcome is one of {string.Join(", ", CaseOutcomes.All)}.", "outcome");
        }

        if (Required(command.Summary, "summary", MaxText) is { } invalid)
        {
            return invalid;
        }

        if (file.Requests.FirstOrDefault(r => r.Status is RequestStatuses.Awaiting or RequestStatuses.Answered) is { } pending)
        {
            return CaseStep.Refuse(CaseRefusal.NotAllowed, $"Request {pending.Number} is still {pending.Status}: review or withdraw it before concluding.");
        }

        if (CaseOutcomes.FoundViolation.Contains(command.Outcome) && !file.Findings.Any(f => f.IsViolation))
        {
            return CaseStep.Refuse(CaseRefusal.NotAllowed, $"A conclusion of {command.Outcome} needs a finding of violation behind it.", "outcome");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var followUps = command.FollowUps ?? [];
        if (followUps.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Action) || f.DueOn <= today) is { } late)
        {
            return CaseStep.Refuse(CaseRefusal.Invalid, $"A follow-up says what is to be done and is due after today; '{late.Action}' due {late.DueOn:O} is not.", "followUps");
        }

        var conclusion = new CaseConclusion(command.Outcome, command.Summary.Trim(), followUps, now, actor.Subject);
        return Step(Next(file) with { Status = CaseStatuses.Concluded, Conclusion = conclusion }, "case.concluded",
            ("outcome", conclusion.Outcome), ("mode", file.Mode), ("followUps", Text(followUps.Count)));
    }

    public static CaseStep Cancel(CaseFile file, string reason)
    {
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (Required(reason, "reason", MaxText) is { } invalid)
        {
            return invalid;
        }

        return Step(Next(file) with { Status = CaseStatuses.Cancelled, CancelledBecause = reason.Trim() }, "case.cancelled");
    }

    /// <summary>Records that a deadline notice about an awaiting request is sent; one already sent for that request and due date is refused.</summary>
    public static CaseStep NoteDeadline(CaseFile file, CaseDeadlineNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (Closed(file) is { } locked)
        {
            return locked;
        }

        if (Find(file, notice.RequestNumber) is not { } request)
        {
            return NoSuchRequest(notice.RequestNumber);
        }

        if (request.Status != RequestStatuses.Awaiting || request.DueOn != notice.DueOn
            || notice.Kind is not (DeadlineNoticeKinds.DueSoon or DeadlineNoticeKinds.Overdue) || CaseDeadlines.Sent(file, request, notice.Kind))
        {
            return CaseStep.Refuse(CaseRefusal.NotAllowed, $"Request {request.Number} owes no {notice.Kind} notice for {notice.DueOn:O}.");
        }

        return Step(Next(file) with { DeadlineNotices = [.. file.DeadlineNotices ?? [], notice] }, $"case.{notice.Kind}",
            ("request", Text(request.Number)), ("dueOn", request.DueOn.ToString("O", CultureInfo.InvariantCulture)));
    }

    private static CaseStep? Closed(CaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.RefusesChange() is { } locked ? CaseStep.Refuse(locked) : null;
    }

    private static CaseStep? Required(string? text, string field, int max) =>
        string.IsNullOrWhiteSpace(text) ? CaseStep.Refuse(CaseRefusal.Invalid, $"{field} is required.", field)
        : text.Length > max ? CaseStep.Refuse(CaseRefusal.Invalid, $"{field} is at most {max} characters.", field)
        : null;

    private static CaseRequest? Find(CaseFile file, int number) => file.Requests.FirstOrDefault(r => r.Number == number);

    private static CaseStep NoSuchRequest(int number) => CaseStep.Refuse(CaseRefusal.NotFound, $"The case has no request {number}.", "requestNumber");

    /// <summary>The case one change later: a first request or finding puts an open case under way.</summary>
    private static CaseFile Next(CaseFile file) =>
        file with { Version = file.Version + 1, Status = file.Status == CaseStatuses.Open ? CaseStatuses.UnderWay : file.Status };

    private static CaseFile Replace(CaseFile file, CaseRequest request) =>
        Next(file) with { Requests = [.. file.Requests.Select(r => r.Number == request.Number ? request : r)] };

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static CaseStep Step(CaseFile file, string action, params (string Key, string? Value)[] details) =>
        new(file, null, action, details.Append((Key: "case", Value: (string?)file.Id)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
