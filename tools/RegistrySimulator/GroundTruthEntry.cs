namespace Inspection.RegistrySimulator;

/// <summary>One planted violation: the enterprise, the rule of the shipped rule pack it breaks, and the month.</summary>
public sealed record GroundTruthEntry(string EnterpriseCode, string RuleId, string Period);
