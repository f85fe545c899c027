namespace Inspection.RegistrySimulator.Records;

/// <summary>A record as the gateway serves it; <see cref="Period"/> is null for registrations.</summary>
internal sealed record RegistryRecord(string Id, int Version, string EnterpriseCode, string Kind, string? Period, RecordData Data);
