namespace Inspection.Silo.Cases;

/// <summary>Deadline notices of the cases (section <c>Cases</c>).</summary>
public sealed class CaseOptions
{
    public const string SectionName = "Cases";

    /// <summary>How long before a request's due date passes the enterprise is told it is due soon: 3 days by default.</summary>
    public TimeSpan DueSoon { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How often a case with awaiting requests looks at their due dates while it is active: hourly by default.
    /// A reminder (at least a minute apart) wakes it again after a restart or a deactivation.
    /// </summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
