namespace Inspection.Contracts.Plans;

/// <summary>The plan entry a case carries out: the plan's id and the entry's number.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanReference")]
public sealed record PlanReference([property: Id(0)] string PlanId, [property: Id(1)] int EntryNumber);
