namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// A sector group with what makes its enterprises look real: the main VSIC line, words for company
/// names, and ranges for workforce, insurable salary, monthly revenue per worker and invoice size (VND);
/// the monthly chance of an occupational accident, and, for sectors that run an automatic wastewater
/// monitoring station, the wastewater discharged per worker and month (m³).
/// </summary>
internal sealed record Sector(
    string Id,
    string VsicCode,
    IReadOnlyList<string> NameWords,
    (int Min, int Max) Headcount,
    (long Min, long Max) MonthlySalary,
    (long Min, long Max) RevenuePerWorker,
    long AverageInvoice,
    double MonthlyAccidentRate,
    (double Min, double Max)? DischargePerWorker)
{
    /// <summary>Whether its enterprises have a monitoring station (docs/REGISTRIES.md: manufacturing and food service).</summary>
    public bool HasStation => DischargePerWorker is not null;
}
