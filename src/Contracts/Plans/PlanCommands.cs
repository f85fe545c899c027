using Inspection.Contracts.Evidence;

namespace Inspection.Contracts.Plans;

/// <summary>
/// Proposes a plan: its agency, title, period, provinces and topics, and the top <see cref="Size"/>
/// enterprises of <see cref="Candidates"/> (the risk queue of those provinces) as its entries, one per topic.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.NewPlan")]
public sealed record NewPlan(
    [property: Id(0)] string Agency,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly PeriodFrom,
    [property: Id(3)] DateOnly PeriodTo,
    [property: Id(4)] IReadOnlyList<string> Provinces,
    [property: Id(5)] IReadOnlyList<string> Topics,
    [property: Id(6)] int Size,
    [property: Id(7)] string Mode,
    [property: Id(8)] IReadOnlyList<EnterpriseListing> Candidates);

/// <summary>Adds an enterprise by hand, with a note saying why; its name and province come from the registries.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.NewPlanEntry")]
public sealed record NewPlanEntry(
    [property: Id(0)] string EnterpriseCode,
    [property: Id(1)] string EnterpriseName,
    [property: Id(2)] string Province,
    [property: Id(3)] string Topic,
    [property: Id(4)] string PlannedIn,
    [property: Id(5)] string Mode,
    [property: Id(6)] string Note);

/// <summary>Changes an entry's topic, timing or mode; a null leaves that one as it is.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanEntryChange")]
public sealed record PlanEntryChange(
    [property: Id(0)] int Number,
    [property: Id(1)] string? Topic,
    [property: Id(2)] string? PlannedIn,
    [property: Id(3)] string? Mode);

/// <summary>What became of a plan command: the plan as it now stands, or why it was refused (the plan unchanged).</summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanResult")]
public sealed record PlanResult([property: Id(0)] InspectionPlan? Plan, [property: Id(1)] PlanRefusal? Refusal)
{
    public static PlanResult Done(InspectionPlan plan) => new(plan, null);

    public static PlanResult Refused(PlanRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Why a plan command was refused: <c>invalid</c> (<see cref="Field"/> names the field), <c>not-allowed</c>
/// (not a step the plan can take now), <c>locked</c> (the plan is approved), <c>not-found</c> (no such plan or entry).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.PlanRefusal")]
public sealed record PlanRefusal([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? Field = null)
{
    public const string Invalid = "invalid";
    public const string NotAllowed = "not-allowed";
    public const string Locked = "locked";
    public const string NotFound = "not-found";
}
