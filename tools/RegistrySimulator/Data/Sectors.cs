namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// The six sector groups of docs/REGISTRIES.md. The VSIC codes are illustrative main lines
/// (metal working, housing construction, wholesale, road freight, restaurants, programming); the
/// headcounts start at 12 so that every active month has a payroll of 10 or more, which the
/// insured-headcount rule needs. Accidents are rare everywhere and rarest at a desk; only manufacturing and
/// food service run a wastewater monitoring station.
/// </summary>
internal static class Sectors
{
    public const string VsicVersion = "VSIC2025";

    public static IReadOnlyList<Sector> All { get; } =
    [
        new("manufacturing", "2592", ["Cơ khí", "Nhựa", "Bao bì", "Dệt may", "Chế biến Gỗ"],
            (25, 600), (7_500_000, 9_500_000), (80_000_000, 150_000_000), 80_000_000, 0.006, (12, 40)),
        new("construction", "4101", ["Xây dựng", "Xây dựng và Thương mại", "Đầu tư Xây dựng"],
            (20, 300), (8_000_000, 11_000_000), (90_000_000, 160_000_000), 300_000_000, 0.008, null),
        new("trade", "4690", ["Thương mại", "Thương mại Dịch vụ", "Xuất nhập khẩu"],
            (12, 120), (7_000_000, 10_000_000), (150_000_000, 400_000_000), 15_000_000, 0.001, null),
        new("transport", "4933", ["Vận tải", "Vận tải và Giao nhận", "Logistics"],
            (15, 200), (8_000_000, 10_000_000), (60_000_000, 120_000_000), 10_000_000, 0.004, null),
        new("food-service", "5610", ["Dịch vụ Ăn uống", "Nhà hàng", "Thực phẩm và Ẩm thực"],
            (12, 80), (6_000_000, 7_500_000), (25_000_000, 45_000_000), 500_000, 0.002, (4, 12)),
        new("it-services", "6201", ["Công nghệ", "Phần mềm", "Giải pháp Công nghệ"],
            (12, 250), (15_000_000, 25_000_000), (40_000_000, 80_000_000), 40_000_000, 0.0003, null),
    ];

    /// <summary>Share of enterprises with a monitoring station (sectors are drawn uniformly).</summary>
    public static double StationShare { get; } = (double)All.Count(sector => sector.HasStation) / All.Count;
}
