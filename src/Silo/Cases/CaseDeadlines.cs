using Inspection.Contracts.Cases;

namespace Inspection.Silo.Cases;

/// <summary>
/// Which deadline notices a case owes at a moment, as a pure function of the case: for each request
/// awaiting its answer, "due soon" once its due date is within the window, "overdue" once the due date
/// has passed (days counted in UTC, as <see cref="CaseRules"/> counts them). A notice the case has sent
/// is never owed again for that request and due date; a request first seen after its due date gets only
/// the overdue notice. A locked case owes nothing.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>The moment a request due on <paramref name="dueOn"/> becomes overdue: the end of that day.</summary>
    public static DateTimeOffset PassesAt(DateOnly dueOn) => new(dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static IReadOnlyList<CaseDeadlineNotice> Owed(CaseFile file, DateTimeOffset now, TimeSpan dueSoon)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsLocked)
        {
            return [];
        }

        var owed = new List<CaseDeadlineNotice>();
        foreach (var request in file.Requests.Where(r => r.Status == RequestStatuses.Awaiting))
        {
            var passes = PassesAt(request.DueOn);
            var kind = now >= passes ? DeadlineNoticeKinds.Overdue
                : now >= passes - dueSoon ? DeadlineNoticeKinds.DueSoon
                : null;
            if (kind is not null && !Sent(file, request, kind))
            {
                owed.Add(new CaseDeadlineNotice(request.Number, request.DueOn, kind, now));
            }
        }

        return owed;
    }

    /// <summary>Whether the case may still owe a notice: it is open and a request awaits its answer without its overdue notice.</summary>
    public static bool IsWatched(CaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return !file.IsLocked && file.Requests.Any(r => r.Status == RequestStatuses.Awaiting && !Sent(file, r, DeadlineNoticeKinds.Overdue));
    }

    public static bool Sent(CaseFile file, CaseRequest request, string kind)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        return (file.DeadlineNotices ?? []).Any(n => n.RequestNumber == request.Number && n.DueOn == request.DueOn && n.Kind == kind);
    }
}
