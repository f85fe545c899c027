namespace Inspection.RegistrySimulator.Data;

/// <summary>The fixed profile of a simulated enterprise; its monthly figures are drawn from it.</summary>
internal sealed record Enterprise(
    int Index,
    string Code,
    string Name,
    Province Province,
    Sector Sector,
    long CharterCapital,
    DateOnly RegisteredOn,
    int Headcount,
    long MonthlySalary,
    long MonthlyRevenue);
