namespace Inspection.RegistrySimulator;

/// <summary>An enterprise as the business registry currently knows it.</summary>
public sealed record EnterpriseSummary(
    string EnterpriseCode,
    string Name,
    string Province,
    string ProvinceName,
    string Sector,
    string Status);
