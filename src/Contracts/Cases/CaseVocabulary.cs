namespace Inspection.Contracts.Cases;

/// <summary>How a check is carried out (hình thức): from the office, at the enterprise's premises, or both.</summary>
public static class CaseModes
{
    public const string Remote = "remote";
    public const string OnSite = "on-site";
    public const string Hybrid = "hybrid";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Remote, OnSite, Hybrid };
}

/// <summary>
/// Where a case stands: open once its decision is recorded, under way from its first request or finding,
/// then concluded or cancelled, both final: a closed case is locked.
/// </summary>
public static class CaseStatuses
{
    public const string Open = "open";
    public const string UnderWay = "under-way";
    public const string Concluded = "concluded";
    public const string Cancelled = "cancelled";
}

/// <summary>What a concluded case found (kết luận).</summary>
public static class CaseOutcomes
{
    public const string Compliant = "compliant";
    public const string Violation = "violation";
    public const string Referral = "referral";
    public const string SanctionProposed = "sanction-proposed";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Compliant, Violation, Referral, SanctionProposed };

    /// <summary>Outcomes that say a violation was found: each needs a finding behind it.</summary>
    public static IReadOnlySet<string> FoundViolation { get; } = new HashSet<string>(StringComparer.Ordinal) { Violation, Referral, SanctionProposed };
}

/// <summary>Why the enterprise was chosen: the risk queue, the period's plan, a complaint or another reason.</summary>
public static class CaseSelections
{
    public const string Risk = "risk";
    public const string Plan = "plan";
    public const string Complaint = "complaint";
    public const string Other = "other";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Risk, Plan, Complaint, Other };
}

/// <summary>Where a request to the enterprise stands: awaiting its answer, answered, accepted on review, or withdrawn.</summary>
public static class RequestStatuses
{
    public const string Awaiting = "awaiting";
    public const string Answered = "answered";
    public const string Accepted = "accepted";
    public const string Withdrawn = "withdrawn";
}

/// <summary>What a finding can rest on: a registry record, a flag, or a document answered in the case.</summary>
public static class EvidenceKinds
{
    public const string Record = "record";
    public const string Flag = "flag";
    public const string Document = "document";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Record, Flag, Document };
}
