namespace Inspection.Silo.Grains;

/// <summary>What one pull of one registry did.</summary>
internal sealed record RegistryOutcome(string Registry, int Received, int Stored, int Raised, bool Failed);
