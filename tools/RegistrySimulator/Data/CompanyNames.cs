namespace Inspection.RegistrySimulator.Data;

/// <summary>Registered names in the usual shape: legal form, line of business, two-syllable trade name.</summary>
internal static class CompanyNames
{
    private static readonly string[] FirstSyllables =
    [
        "Minh", "Hoàng", "An", "Thành", "Phú", "Đại", "Hưng", "Tân", "Việt", "Bảo", "Hòa", "Quang", "Thiên",
        "Nam", "Phương", "Trường", "Kim", "Đông", "Hải", "Ngọc", "Gia", "Thái", "Đức", "Vạn", "Sơn", "Trung",
        "Hồng", "Phúc", "Thịnh", "Long",
    ];

    private static readonly string[] SecondSyllables =
    [
        "Phát", "Long", "Khang", "Công", "Thịnh", "Việt", "Mai", "Tiến", "An", "Bình", "Minh", "Sơn", "Á",
        "Đông", "Ngân", "Hưng", "Lộc", "Phúc", "Thành", "Hà", "Dương", "Anh", "Quân", "Huy", "Nguyên", "Tín",
        "Đạt", "Lợi", "Hải", "Vinh",
    ];

    public static string Next(Sector sector, ref DeterministicRandom random)
    {
        var form = random.NextDouble() switch
        {
            < 0.55 => "Công ty TNHH",
            < 0.85 => "Công ty Cổ phần",
            < 0.97 => "Công ty TNHH Một thành viên",
            _ => "Doanh nghiệp tư nhân",
        };
        var first = random.Pick(FirstSyllables);
        var second = random.Pick(SecondSyllables);
        if (second == first)
        {
            second = SecondSyllables[(Array.IndexOf(SecondSyllables, second) + 1) % SecondSyllables.Length];
        }

        return $"{form} {random.Pick(sector.NameWords)} {first} {second}";
    }
}
