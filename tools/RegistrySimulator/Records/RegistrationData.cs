namespace Inspection.RegistrySimulator.Records;

/// <summary>Business registration, kind <c>registration</c>.</summary>
internal sealed record RegistrationData(
    string Name,
    string Province,
    string ProvinceName,
    string Sector,
    string VsicCode,
    string VsicVersion,
    long CharterCapital,
    DateOnly RegisteredOn,
    string Status,
    DateOnly StatusSince) : RecordData;
