namespace Inspection.Contracts.RulePacks;

/// <summary>The rule pack in force: its id and version, how many promotions apply over it, and its rule versions.</summary>
public sealed record RulePackSummary(string PackId, string PackVersion, int Promotions, IReadOnlyList<RuleVersionSummary> Rules);
