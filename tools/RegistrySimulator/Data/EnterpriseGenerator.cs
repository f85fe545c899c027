namespace Inspection.RegistrySimulator.Data;

/// <summary>Draws the enterprises the registries know, each with a unique valid code.</summary>
internal static class EnterpriseGenerator
{
    private static readonly DateOnly EarliestRegistration = new(2005, 1, 1);

    /// <param name="seed">Seed of every draw.</param>
    /// <param name="count">How many enterprises.</param>
    /// <param name="firstMonth">First month of the history: every enterprise is registered before it.</param>
    public static Enterprise[] Generate(int seed, int count, YearMonth firstMonth)
    {
        // Serials are handed out in rising order per prefix, as a tax office does, so codes never repeat.
        var lastSerials = new Dictionary<int, int>();
        var latestRegistration = firstMonth.FirstDay.AddDays(-1);
        var registrationDays = latestRegistration.DayNumber - EarliestRegistration.DayNumber;
        var enterprises = new Enterprise[count];
        for (var index = 0; index < count; index++)
        {
            var random = DeterministicRandom.For(seed, (int)Draw.Enterprise, index);
            var province = Provinces.PickWeighted(ref random);

            // Some enterprises moved since their code was issued: the prefix names another province.
            var issuer = random.NextDouble() < 0.05 ? random.Pick(Provinces.All) : province;
            var code = NextCode(seed, issuer.CodePrefix, lastSerials, ref random);
            var sector = random.Pick(Sectors.All);
            var headcount = (int)random.NextLogUniform(sector.Headcount.Min, sector.Headcount.Max);
            enterprises[index] = new Enterprise(
                index,
                code,
                CompanyNames.Next(sector, ref random),
                province,
                sector,
                RoundTo(random.NextLogUniform(500_000_000, 50_000_000_000), 100_000_000),
                EarliestRegistration.AddDays(random.Next(0, registrationDays + 1)),
                headcount,
                RoundTo(random.NextDouble(sector.MonthlySalary.Min, sector.MonthlySalary.Max), 10_000),
                RoundTo(headcount * random.NextDouble(sector.RevenuePerWorker.Min, sector.RevenuePerWorker.Max), 1_000_000));
        }

        return enterprises;
    }

    private static string NextCode(int seed, int prefix, Dictionary<int, int> lastSerials, ref DeterministicRandom random)
    {
        if (!lastSerials.TryGetValue(prefix, out var serial))
        {
            serial = DeterministicRandom.For(seed, (int)Draw.Serials, prefix).Next(1_000_000, 3_000_000);
        }

        serial += random.Next(1, 13);
        string? code;
        while ((code = EnterpriseCodes.Compose(prefix, serial)) is null)
        {
            serial++;
        }

        lastSerials[prefix] = serial;
        return code;
    }

    private static long RoundTo(double value, long unit) => (long)Math.Round(value / unit) * unit;
}
