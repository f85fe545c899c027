using Inspection.Contracts.Plans;

namespace Inspection.Api.Apis;

/// <summary>
/// A plan as the API shows it: the plan, each entry with its duplicate-check warnings and the cases
/// opened from it, and how much of the plan is done.
/// </summary>
public sealed record PlanDetail(
    string Id, string Agency, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, IReadOnlyList<string> Provinces, IReadOnlyList<string> Topics,
    string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy, int Version,
    IReadOnlyList<PlanEntryDetail> Entries, PlanProgress Progress)
{
    public static PlanDetail From(InspectionPlan plan, IReadOnlyDictionary<int, IReadOnlyList<PlanConflict>> conflicts, IReadOnlyList<PlanCase> cases)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var byEntry = cases.ToLookup(c => c.EntryNumber);
        var entries = plan.Entries
            .Select(e => new PlanEntryDetail(e.Number, e.EnterpriseCode, e.EnterpriseName, e.Province, e.Topic, e.Reason, e.PlannedIn, e.Mode, e.AddedAt, e.AddedBy,
                conflicts.TryGetValue(e.Number, out var found) ? found : [], [.. byEntry[e.Number]]))
            .ToList();
        var progress = new PlanProgress(
            entries.Count,
            entries.Count(e => e.Cases.Any(c => c.Status != Contracts.Cases.CaseStatuses.Cancelled)),
            entries.Count(e => e.Cases.Any(c => c.Status == Contracts.Cases.CaseStatuses.Concluded)),
            entries.Count(e => e.Conflicts.Count > 0));
        return new PlanDetail(plan.Id, plan.Agency, plan.Title, plan.PeriodFrom, plan.PeriodTo, plan.Provinces, plan.Topics, plan.Status,
            plan.CreatedAt, plan.CreatedBy, plan.ApprovedAt, plan.ApprovedBy, plan.Version, entries, progress);
    }
}

/// <summary>One entry of a plan, with the other agencies' plans that already have it (<see cref="Conflicts"/>) and its cases.</summary>
public sealed record PlanEntryDetail(
    int Number, string EnterpriseCode, string EnterpriseName, string Province, string Topic, PlanReason Reason, string PlannedIn, string Mode,
    DateTimeOffset AddedAt, string AddedBy, IReadOnlyList<PlanConflict> Conflicts, IReadOnlyList<PlanCase> Cases);

/// <summary>How much of a plan is done: entries, those with a case under way or closed (not cancelled), those concluded, and those with a warning.</summary>
public sealed record PlanProgress(int Entries, int WithCase, int Concluded, int WithConflict);
