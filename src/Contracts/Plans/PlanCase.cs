namespace Inspection.Contracts.Plans;

/// <summary>A case opened from a plan entry, as it now stands: what the plan's progress counts.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanCase")]
public sealed record PlanCase(
    [property: Id(0)] int EntryNumber,
    [property: Id(1)] string CaseId,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Outcome);
