using Inspection.Contracts.Cases;
using Inspection.Contracts.Plans;

namespace Inspection.Silo.Storage;

/// <summary>
/// The inspection plans in the evidence database: each change appended with the whole plan after it, the
/// plan's latest version (with its provinces and entries) kept to search by, and the change's audit entry,
/// all in one transaction.
/// </summary>
public interface IPlanStore : IPlanQueries
{
    Task<InspectionPlan?> GetAsync(string planId, CancellationToken ct);

    /// <summary>Records a change; refuses (<see cref="PlanVersionConflictException"/>) a version already recorded.</summary>
    Task RecordAsync(InspectionPlan plan, string action, CaseActor actor, DateTimeOffset at, IReadOnlyDictionary<string, string?> details, CancellationToken ct);
}
