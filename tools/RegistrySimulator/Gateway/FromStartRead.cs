namespace Inspection.RegistrySimulator.Gateway;

public sealed record FromStartRead(string EnterpriseCode, string Registry, int Count);
