namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// How to plant a violation of one rule: the months of an enterprise where it can be planted (none:
/// not in this enterprise), and the change that plants it in one of them, which returns the period the
/// rule must then name.
/// </summary>
internal sealed record Plant(
    string RuleId,
    Func<EnterprisePlan, IReadOnlyList<MonthPlan>> Candidates,
    Func<EnterprisePlan, MonthPlan, Random, string> Apply);
