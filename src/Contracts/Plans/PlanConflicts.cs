namespace Inspection.Contracts.Plans;

/// <summary>
/// The rule against duplicate checks: an entry conflicts with an entry of another plan when that plan
/// belongs to another agency, its period overlaps, and it names the same enterprise on the same topic.
/// Plans of the same agency never conflict (the agency sees its own plans); no I/O.
/// </summary>
public static class PlanConflicts
{
    /// <summary>The conflicts of each entry of <paramref name="plan"/> that has any, by entry number.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<PlanConflict>> Find(InspectionPlan plan, IEnumerable<InspectionPlan> others)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(others);
        var rivals = others
            .Where(other => other.Id != plan.Id && !SameAgency(other.Agency, plan.Agency) && other.Overlaps(plan.PeriodFrom, plan.PeriodTo))
            .SelectMany(other => other.Entries.Select(entry => (Plan: other, Entry: entry)))
            .ToLookup(pair => (pair.Entry.EnterpriseCode, pair.Entry.Topic));
        var found = new Dictionary<int, IReadOnlyList<PlanConflict>>();
        foreach (var entry in plan.Entries)
        {
            var matches = rivals[(entry.EnterpriseCode, entry.Topic)]
                .OrderBy(pair => pair.Plan.CreatedAt)
                .ThenBy(pair => pair.Plan.Id, StringComparer.Ordinal)
                .Select(pair => new PlanConflict(pair.Plan.Id, pair.Plan.Agency, pair.Plan.Title, pair.Plan.Status, pair.Plan.PeriodFrom, pair.Plan.PeriodTo, pair.Entry.Number))
                .ToList();
            if (matches.Count > 0)
            {
                found[entry.Number] = matches;
            }
        }

        return found;
    }

    /// <summary>Agency names as people type them: spaces around and letter case do not make another agency.</summary>
    public static bool SameAgency(string left, string right) =>
        string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
}
