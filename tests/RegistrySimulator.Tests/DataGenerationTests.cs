namespace Inspection.RegistrySimulator.Tests;

public sealed class DataGenerationTests
{
    [Theory]
    [InlineData("0314409058", true)]
    [InlineData("0100109106", true)]
    [InlineData("0314409057", false)]
    [InlineData("031440905", false)]
    [InlineData("03144O9058", false)]
    public void The_test_check_digit_agrees_with_published_codes(string code, bool valid)
    {
        Assert.Equal(valid, TestEnterpriseCodes.IsValid(code));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_records_and_another_seed_different_ones()
    {
        await using var first = await SimulatorHost.StartAsync(new SimulatorOptions { Seed = 7, EnterpriseCount = 300 });
        await using var again = await SimulatorHost.StartAsync(new SimulatorOptions { Seed = 7, EnterpriseCount = 300 });
        await using var other = await SimulatorHost.StartAsync(new SimulatorOptions { Seed = 8, EnterpriseCount = 300 });

        var firstRecords = await first.ReadEverythingAsync();
        var againRecords = await again.ReadEverythingAsync();
        var otherRecords = await other.ReadEverythingAsync();

        Assert.Equal(Describe(firstRecords), Describe(againRecords));
        Assert.Equal(await first.GetGroundTruthAsync(), await again.GetGroundTruthAsync());
        Assert.Equal(await first.GetEnterprisesAsync(), await again.GetEnterprisesAsync());
        Assert.NotEqual(Describe(firstRecords), Describe(otherRecords));
        Assert.NotEqual(
            (await first.GetEnterprisesAsync()).Select(enterprise => enterprise.EnterpriseCode),
            (await other.GetEnterprisesAsync()).Select(enterprise => enterprise.EnterpriseCode));
    }

    [Fact]
    public async Task Every_enterprise_has_a_unique_valid_code_and_a_plausible_registration()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());

        var enterprises = await host.GetEnterprisesAsync();

        Assert.Equal(3000, enterprises.Count);
        Assert.All(enterprises, enterprise => Assert.True(TestEnterpriseCodes.IsValid(enterprise.EnterpriseCode), enterprise.EnterpriseCode));
        Assert.Equal(enterprises.Count, enterprises.Select(enterprise => enterprise.EnterpriseCode).Distinct().Count());
        Assert.All(enterprises, enterprise => Assert.Matches("^(Công ty|Doanh nghiệp tư nhân) .+ .+", enterprise.Name));
        Assert.True(enterprises.Select(enterprise => enterprise.Province).Distinct().Count() >= 6);
        Assert.Contains(enterprises, enterprise => enterprise is { Province: "79", ProvinceName: "TP. Hồ Chí Minh" });
        Assert.Contains(enterprises, enterprise => enterprise is { Province: "01", ProvinceName: "Hà Nội" });
        Assert.Equal(
            ["construction", "food-service", "it-services", "manufacturing", "trade", "transport"],
            enterprises.Select(enterprise => enterprise.Sector).Distinct().Order());
    }

    [Fact]
    public async Task A_large_registry_is_generated_with_unique_valid_codes()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 100_000 });
        var elapsed = started.Elapsed;

        // Five registries, twelve months: some three million record versions, generated in seconds (a generous bound for a busy machine).
        Assert.InRange(host.State.LastSequence, 2_500_000, 4_000_000);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"generated in {elapsed}");
        var codes = host.State.ListEnterprises().Select(enterprise => enterprise.EnterpriseCode).ToList();

        Assert.Equal(100_000, codes.Distinct().Count());
        Assert.All(codes, code => Assert.True(TestEnterpriseCodes.IsValid(code), code));
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_the_app_is_built()
    {
        Assert.Throws<ArgumentException>(() => RegistrySimulatorApp.Create(new SimulatorOptions { EnterpriseCount = 0 }));
        Assert.Throws<ArgumentException>(() => RegistrySimulatorApp.Create(new SimulatorOptions { StartPeriod = "2025-13" }));
        Assert.Throws<ArgumentException>(() => RegistrySimulatorApp.Create(new SimulatorOptions { TokenRegistries = { ["t"] = ["land"] } }));
    }

    private static List<string> Describe(IEnumerable<FeedRecord> records) =>
        [.. records.Select(record => $"{record.Id}@{record.Version} {record.Data.GetRawText()}")];
}
