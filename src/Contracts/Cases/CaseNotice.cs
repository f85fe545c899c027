namespace Inspection.Contracts.Cases;

/// <summary>
/// A live notice about a case step someone must act on (thông báo): the enterprise when a request
/// arrives or an answer is returned to it, the inspectors of the province when an answer arrives, both
/// when the case concludes. No personal data: the case, the enterprise code, the request and its due date.
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
    /// <summary>Whether the enterprise is told (a request for it, an answer returned, the conclusion).</summary>
    public bool ForEnterprise => Action is "case.request-sent" or "case.answer-returned" or "case.concluded";

    /// <summary>Whether the province's inspectors are told (an answer to review, the conclusion).</summary>
    public bool ForInspectors => Action is "case.request-answered" or "case.concluded";
}
