namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// A sector group with what makes its enterprises look real: the main VSIC line, words for company
/// names, and ranges for workforce, insurable salary, monthly revenue per worker and invoice size (VND).
/// </summary>
internal sealed record Sector(
    string Id,
    string VsicCode,
    IReadOnlyList<string> NameWords,
    (int Min, int Max) Headcount,
    (long Min, long Max) MonthlySalary,
    (long Min, long Max) RevenuePerWorker,
    long AverageInvoice);
