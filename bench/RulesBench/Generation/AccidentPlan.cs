namespace Inspection.Bench.RulesBench.Generation;

/// <summary>One occupational accident as the labour registry will report it; a null declaration is one the report leaves blank.</summary>
internal sealed record AccidentPlan(DateOnly OccurredOn, int SeriousInjuries, int Fatalities, string? Declaration);
