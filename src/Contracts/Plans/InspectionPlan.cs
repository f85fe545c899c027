namespace Inspection.Contracts.Plans;

/// <summary>
/// An agency's inspection plan for a period (kế hoạch thanh tra, kiểm tra): the provinces it covers,
/// the topics it examines, and its entries, each an enterprise to check on a topic with the reason it
/// was chosen. A draft is edited by inspectors; leadership's approval (phê duyệt) locks it.
/// <see cref="Version"/> counts its changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.InspectionPlan")]
public sealed record InspectionPlan(
    [property: Id(0)] string Id,
    [property: Id(1)] string Agency,
    [property: Id(2)] string Title,
    [property: Id(3)] DateOnly PeriodFrom,
    [property: Id(4)] DateOnly PeriodTo,
    [property: Id(5)] IReadOnlyList<string> Provinces,
    [property: Id(6)] IReadOnlyList<string> Topics,
    [property: Id(7)] string Status,
    [property: Id(8)] IReadOnlyList<PlanEntry> Entries,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string CreatedBy,
    [property: Id(11)] DateTimeOffset? ApprovedAt,
    [property: Id(12)] string? ApprovedBy,
    [property: Id(13)] int Version)
{
    /// <summary>Whether the plan is closed to change: an approved plan is corrected by a new plan, not edited.</summary>
    public bool IsLocked => Status != PlanStatuses.Draft;

    /// <summary>Whether the plan's period shares at least one day with [from, to].</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => PeriodFrom <= to && from <= PeriodTo;
}

/// <summary>
/// One entry of a plan (đối tượng thanh tra, kiểm tra): an enterprise of the plan's provinces, the topic
/// (chủ đề) it is checked on, why it was chosen, when (a quarter <c>yyyy-Qn</c> or a month <c>yyyy-MM</c>)
/// and how (<c>remote</c>, <c>on-site</c>, <c>hybrid</c>). <see cref="Number"/> stays the entry's while it stands.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanEntry")]
public sealed record PlanEntry(
    [property: Id(0)] int Number,
    [property: Id(1)] string EnterpriseCode,
    [property: Id(2)] string EnterpriseName,
    [property: Id(3)] string Province,
    [property: Id(4)] string Topic,
    [property: Id(5)] PlanReason Reason,
    [property: Id(6)] string PlannedIn,
    [property: Id(7)] string Mode,
    [property: Id(8)] DateTimeOffset AddedAt,
    [property: Id(9)] string AddedBy);

/// <summary>
/// Why an enterprise is in the plan: <c>risk</c> (chosen from the risk queue: its score, tier and reasons
/// as they stood when the plan was proposed) or <c>manual</c> (added by a person, with a note saying why).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanReason")]
public sealed record PlanReason(
    [property: Id(0)] string Kind,
    [property: Id(1)] double? RiskScore,
    [property: Id(2)] string? RiskTier,
    [property: Id(3)] int? Rank,
    [property: Id(4)] IReadOnlyList<Evidence.RiskReason> RiskReasons,
    [property: Id(5)] string? Note)
{
    public const string Risk = "risk";
    public const string Manual = "manual";
}
