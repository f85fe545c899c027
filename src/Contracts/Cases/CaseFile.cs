namespace Inspection.Contracts.Cases;

/// <summary>
/// A check of one enterprise (cuộc kiểm tra / thanh tra), as it stands: who is checked and why, the
/// decision, the mode and its changes, the requests and answers, the findings and the conclusion.
/// <see cref="Version"/> counts its changes; once concluded or cancelled it changes no more.
/// <see cref="DeadlineNotices"/> are the deadline notices it has sent (null in cases stored before them).
/// <see cref="Plan"/> names the plan entry it carries out, when it was opened from one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseFile")]
public sealed record CaseFile(
    [property: Id(0)] string Id,
    [property: Id(1)] string EnterpriseCode,
    [property: Id(2)] string Province,
    [property: Id(3)] string Sector,
    [property: Id(4)] string Agency,
    [property: Id(5)] string Selection,
    [property: Id(6)] CaseDecision Decision,
    [property: Id(7)] string Mode,
    [property: Id(8)] IReadOnlyList<ModeChange> ModeChanges,
    [property: Id(9)] string Status,
    [property: Id(10)] IReadOnlyList<CaseRequest> Requests,
    [property: Id(11)] IReadOnlyList<CaseFinding> Findings,
    [property: Id(12)] CaseConclusion? Conclusion,
    [property: Id(13)] string? CancelledBecause,
    [property: Id(14)] DateTimeOffset OpenedAt,
    [property: Id(15)] string OpenedBy,
    [property: Id(16)] int Version,
    [property: Id(17)] IReadOnlyList<CaseDeadlineNotice>? DeadlineNotices = null,
    [property: Id(18)] Plans.PlanReference? Plan = null)
{
    /// <summary>Whether the case is closed to change: corrections are new, linked cases.</summary>
    public bool IsLocked => Status is CaseStatuses.Concluded or CaseStatuses.Cancelled;

    /// <summary>Why the case takes no more steps (it is locked), or null while it does.</summary>
    public CaseRefusal? RefusesChange() =>
        IsLocked ? new CaseRefusal(CaseRefusal.Locked, $"Case {Id} is {Status} and locked: a correction is a new case linked to it.") : null;

    /// <summary>Why request <paramref name="requestNumber"/> cannot be answered now, or null when it can.</summary>
    public CaseRefusal? RefusesAnswerTo(int requestNumber)
    {
        if (RefusesChange() is { } locked)
        {
            return locked;
        }

        var request = Requests.FirstOrDefault(r => r.Number == requestNumber);
        return request is null ? new CaseRefusal(CaseRefusal.NotFound, $"The case has no request {requestNumber}.", "requestNumber")
            : request.Status != RequestStatuses.Awaiting ? new CaseRefusal(CaseRefusal.NotAllowed, $"Request {requestNumber} is {request.Status}: only a request awaiting an answer can be answered.")
            : null;
    }
}
