namespace Inspection.Contracts.Cases;

/// <summary>
/// A deadline notice the case has sent about one request (thông báo hạn cung cấp tài liệu): due soon, to
/// the enterprise; overdue, to the province's inspectors. Kept in the case so that each is sent once per
/// request and due date, across restarts.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseDeadlineNotice")]
public sealed record CaseDeadlineNotice(
    [property: Id(0)] int RequestNumber,
    [property: Id(1)] DateOnly DueOn,
    [property: Id(2)] string Kind,
    [property: Id(3)] DateTimeOffset SentAt);

/// <summary>The kinds of deadline notice: a request due within the notice window, and one whose due date has passed unanswered.</summary>
public static class DeadlineNoticeKinds
{
    public const string DueSoon = "request-due-soon";
    public const string Overdue = "request-overdue";
}
