namespace Inspection.Contracts.Cases;

/// <summary>
/// A live notice about a case step someone must act on (thông báo): the enterprise when a request
/// arrives, an answer is returned to it or a request's due date nears, the inspectors of the province
/// when an answer arrives or a due date passes unanswered, both when the case concludes. No personal
/// data: the case, the enterprise code, the request and its due date.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseNotice")]
public sealed record CaseNotice(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string EnterpriseCode,
    [property: Id(2)] string Province,
    [property: Id(3)] string Action,
    [property: Id(4)] int? RequestNumber,
    [property: Id(5)] DateOnly? DueOn,
    [property: Id(6)] DateTimeOffset At)
{
    /// <summary>What the notice is about, for pages to show: the step's action without its <c>case.</c> prefix, e.g. <c>request-due-soon</c>.</summary>
    public string Kind => Action.StartsWith("case.", StringComparison.Ordinal) ? Action["case.".Length..] : Action;

    /// <summary>Whether the enterprise is told (a request for it, an answer returned, a due date near, the conclusion).</summary>
    public bool ForEnterprise => Action is "case.request-sent" or "case.answer-returned" or "case.request-due-soon" or "case.concluded";

    /// <summary>Whether the province's inspectors are told (an answer to review, a due date passed, the conclusion).</summary>
    public bool ForInspectors => Action is "case.request-answered" or "case.request-overdue" or "case.concluded";

    /// <summary>Whether the check is now closed (concluded or cancelled), which changes the remote-check ratio that leadership follows nationwide.</summary>
    public bool ClosesCheck => Action is "case.concluded" or "case.cancelled";
}
