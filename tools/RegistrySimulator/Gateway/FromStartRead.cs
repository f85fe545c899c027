namespace Inspection.RegistrySimulator.Gateway;

/// <summary>How many reads of one feed came from its beginning; <see cref="EnterpriseCode"/> is null for the registry's change feed.</summary>
public sealed record FromStartRead(string? EnterpriseCode, string Registry, int Count);
