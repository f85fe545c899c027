using Inspection.Contracts.Cases;
using Inspection.Contracts.Plans;

namespace Inspection.Contracts.Grains;

/// <summary>
/// One inspection plan, keyed by its id: the single writer of its changes, each recorded with its audit
/// entry before it is answered; a refused change leaves the plan as it was. Actors are as for cases.
/// </summary>
[Alias("Inspection.IPlanGrain")]
public interface IPlanGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<InspectionPlan?> Get();

    [Alias("Propose")]
    Task<PlanResult> Propose(NewPlan command, CaseActor actor);

    [Alias("AddEntry")]
    Task<PlanResult> AddEntry(NewPlanEntry command, CaseActor actor);

    [Alias("RemoveEntry")]
    Task<PlanResult> RemoveEntry(int number, CaseActor actor);

    [Alias("ChangeEntry")]
    Task<PlanResult> ChangeEntry(PlanEntryChange command, CaseActor actor);

    [Alias("Approve")]
    Task<PlanResult> Approve(CaseActor actor);
}
