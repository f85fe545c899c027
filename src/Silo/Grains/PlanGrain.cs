using Inspection.Contracts.Cases;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Plans;
using Inspection.Silo.Plans;
using Inspection.Silo.Storage;

namespace Inspection.Silo.Grains;

/// <summary>
/// One inspection plan: reads it from the plan store when activated, takes each change by
/// <see cref="PlanRules"/>, and records it (the plan after it, and its audit entry) before answering.
/// Changes are taken one at a time: the grain is the plan's only writer.
/// </summary>
public sealed class PlanGrain(IPlanStore store, TimeProvider time) : Grain, IPlanGrain
{
    private InspectionPlan? _plan;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _plan = await store.GetAsync(this.GetPrimaryKeyString(), cancellationToken);

    public Task<InspectionPlan?> Get() => Task.FromResult(_plan);

    public Task<PlanResult> Propose(NewPlan command, CaseActor actor) =>
        _plan is not null
            ? Task.FromResult(PlanResult.Refused(new PlanRefusal(PlanRefusal.NotAllowed, $"Plan {_plan.Id} already exists.")))
            : TakeAsync(now => PlanRules.Propose(this.GetPrimaryKeyString(), command, actor, now), actor);

    public Task<PlanResult> AddEntry(NewPlanEntry command, CaseActor actor) => On((plan, now) => PlanRules.AddEntry(plan, command, actor, now), actor);

    public Task<PlanResult> RemoveEntry(int number, CaseActor actor) => On((plan, _) => PlanRules.RemoveEntry(plan, number), actor);

    public Task<PlanResult> ChangeEntry(PlanEntryChange command, CaseActor actor) => On((plan, _) => PlanRules.ChangeEntry(plan, command), actor);

    public Task<PlanResult> Approve(CaseActor actor) => On((plan, now) => PlanRules.Approve(plan, actor, now), actor);

    private Task<PlanResult> On(Func<InspectionPlan, DateTimeOffset, PlanStep> step, CaseActor actor) =>
        _plan is not { } plan
            ? Task.FromResult(PlanResult.Refused(new PlanRefusal(PlanRefusal.NotFound, $"There is no plan {this.GetPrimaryKeyString()}.")))
            : TakeAsync(now => step(plan, now), actor);

    private async Task<PlanResult> TakeAsync(Func<DateTimeOffset, PlanStep> take, CaseActor actor)
    {
        var now = time.GetUtcNow();
        var step = take(now);
        if (step.Plan is not { } next)
        {
            return PlanResult.Refused(step.Refusal!);
        }

        await store.RecordAsync(next, step.Action, actor, now, step.Details, CancellationToken.None);
        _plan = next;
        return PlanResult.Done(next);
    }
}
