namespace Inspection.RegistrySimulator.Admin;

/// <summary>Body of <c>POST /simulator/violations</c>.</summary>
internal sealed record ViolationRequest(string? EnterpriseCode, string? RuleId);
