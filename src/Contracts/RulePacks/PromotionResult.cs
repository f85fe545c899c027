namespace Inspection.Contracts.RulePacks;

/// <summary>The outcome of a promotion, with a sentence saying why when it did not happen, and the pack afterwards.</summary>
public sealed record PromotionResult(PromotionOutcome Outcome, string? Problem, RulePackSummary Pack);
