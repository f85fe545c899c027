namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// The provinces the simulated enterprises are registered in. The code prefixes are inferred from
/// published codes (the Cần Thơ one least surely); they only make codes look familiar, since
/// jurisdiction always comes from the registered address.
/// </summary>
internal static class Provinces
{
    public static IReadOnlyList<Province> All { get; } =
    [
        new("01", "Hà Nội", 1, 28),
        new("79", "TP. Hồ Chí Minh", 3, 30),
        new("31", "Hải Phòng", 2, 8),
        new("48", "Đà Nẵng", 4, 7),
        new("27", "Bắc Ninh", 23, 7),
        new("75", "Đồng Nai", 36, 9),
        new("92", "Cần Thơ", 18, 5),
        new("19", "Thái Nguyên", 46, 6),
    ];

    private static readonly int TotalWeight = All.Sum(province => province.Weight);

    public static Province PickWeighted(ref DeterministicRandom random)
    {
        var ticket = random.Next(0, TotalWeight);
        foreach (var province in All)
        {
            ticket -= province.Weight;
            if (ticket < 0)
            {
                return province;
            }
        }

        return All[^1];
    }
}
