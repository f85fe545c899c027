namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// A sector group of docs/REGISTRIES.md with the ranges that make its enterprises look real: workforce,
/// monthly revenue per worker and invoice size (VND), the monthly chance of an occupational accident,
/// and whether it runs an automatic wastewater monitoring station (manufacturing and food service only).
/// </summary>
internal sealed record SectorProfile(
    string Id,
    string VsicCode,
    string NameWord,
    (int Min, int Max) Headcount,
    (double Min, double Max) RevenuePerWorker,
    double AverageInvoice,
    double MonthlyAccidentRate,
    bool HasStation)
{
    /// <summary>The six sector groups, drawn uniformly: a third of the enterprises have a station.</summary>
    public static IReadOnlyList<SectorProfile> All { get; } =
    [
        new("manufacturing", "2592", "Cơ khí", (25, 600), (80_000_000, 150_000_000), 80_000_000, 0.006, HasStation: true),
        new("construction", "4101", "Xây dựng", (20, 300), (90_000_000, 160_000_000), 300_000_000, 0.008, HasStation: false),
        new("trade", "4690", "Thương mại", (12, 120), (150_000_000, 400_000_000), 15_000_000, 0.001, HasStation: false),
        new("transport", "4933", "Vận tải", (15, 200), (60_000_000, 120_000_000), 10_000_000, 0.004, HasStation: false),
        new("food-service", "5610", "Dịch vụ Ăn uống", (12, 80), (25_000_000, 45_000_000), 500_000, 0.002, HasStation: true),
        new("it-services", "6201", "Phần mềm", (12, 250), (40_000_000, 80_000_000), 40_000_000, 0.0003, HasStation: false),
    ];
}
