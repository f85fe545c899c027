namespace Inspection.Bench.RulesBench.Generation;

/// <summary>A violation the generator planted on purpose: the rule that must find it and the period it must name.</summary>
internal sealed record PlantedViolation(string RuleId, string Period);
