using Inspection.Contracts.Plans;

namespace Inspection.Silo.Plans;

/// <summary>One change of a plan (the plan after it, the audited action and its particulars), or a refusal.</summary>
public sealed record PlanStep(InspectionPlan? Plan, PlanRefusal? Refusal, string Action, IReadOnlyDictionary<string, string?> Details)
{
    public static PlanStep Refuse(string code, string message, string? field = null) =>
        new(null, new PlanRefusal(code, message, field), string.Empty, new Dictionary<string, string?>());
}
