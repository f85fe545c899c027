namespace Inspection.Contracts.Plans;

/// <summary>
/// A warning on a plan entry (cảnh báo trùng lặp): another agency's plan, draft or approved, for an
/// overlapping period already has the same enterprise on the same topic. Agencies coordinate; it is no refusal.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanConflict")]
public sealed record PlanConflict(
    [property: Id(0)] string PlanId,
    [property: Id(1)] string Agency,
    [property: Id(2)] string Title,
    [property: Id(3)] string Status,
    [property: Id(4)] DateOnly PeriodFrom,
    [property: Id(5)] DateOnly PeriodTo,
    [property: Id(6)] int EntryNumber);
