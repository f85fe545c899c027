namespace Inspection.Contracts.Plans;

/// <summary>Reads of the inspection plans, as the plan store keeps their latest versions.</summary>
public interface IPlanQueries
{
    /// <summary>Plans newest first; when <paramref name="provinces"/> is given, only plans that lie wholly within them.</summary>
    Task<IReadOnlyList<InspectionPlan>> ListPlansAsync(IReadOnlyCollection<string>? provinces, int limit, CancellationToken ct);

    /// <summary>
    /// Every plan but <paramref name="planId"/> whose period overlaps [from, to] and that has an entry on one
    /// of <paramref name="enterpriseCodes"/>: the plans an entry may conflict with (<see cref="PlanConflicts"/>).
    /// </summary>
    Task<IReadOnlyList<InspectionPlan>> ListOverlappingAsync(string planId, DateOnly from, DateOnly to, IReadOnlyCollection<string> enterpriseCodes, CancellationToken ct);

    /// <summary>The cases opened from the plan's entries, by entry number.</summary>
    Task<IReadOnlyList<PlanCase>> ListPlanCasesAsync(string planId, CancellationToken ct);
}
