using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Inspection.RegistrySimulator.Tests;

public sealed class ViolationPlantingTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;
    private string _groundTruthPath = null!;

    public async Task InitializeAsync()
    {
        _groundTruthPath = Path.Combine(Path.GetTempPath(), $"ground-truth-{Guid.NewGuid():N}.json");
        var options = SimulatorHost.SmallOptions(300);
        options.GroundTruthPath = _groundTruthPath;
        _host = await SimulatorHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_groundTruthPath);
    }

    [Theory]
    [InlineData("TAX-LATE-FILING", false)]
    [InlineData("TAX-DEBT-OVERDUE", false)]
    [InlineData("BHXH-ARREARS", false)]
    [InlineData("BHXH-INSURED-BELOW-PAYROLL", false)]
    [InlineData("TAX-INVOICES-AFTER-DISSOLUTION", false)]
    [InlineData("TAX-INVOICES-DURING-SUSPENSION", false)]
    [InlineData("TAX-OUTPUT-VAT-UNDERDECLARED", false)]
    [InlineData("TAX-REVENUE-COLLAPSE-WITH-STAFF", false)]
    [InlineData("TAX-LATE-FILING", true)]
    [InlineData("BHXH-ARREARS", true)]
    [InlineData("BHXH-INSURED-BELOW-PAYROLL", true)]
    [InlineData("TAX-INVOICES-AFTER-DISSOLUTION", true)]
    [InlineData("TAX-INVOICES-DURING-SUSPENSION", true)]
    [InlineData("TAX-OUTPUT-VAT-UNDERDECLARED", true)]
    [InlineData("TAX-REVENUE-COLLAPSE-WITH-STAFF", true)]
    public async Task A_planted_violation_appears_after_the_previous_cursor_and_breaks_only_its_rule(string ruleId, bool withStation)
    {
        var code = await CleanActiveEnterpriseAsync(withStation);

        var (entry, published) = await PlantAndReadAsync(code, ruleId);

        Assert.Equal(new GroundTruthEntry(code, ruleId, "2026-10"), entry);
        Assert.All(published, record => Assert.True(record.Version > 1, record.Id));
        Assert.Equal([new RuleChecks.Finding(code, ruleId, "2026-10")], await FindingsAsync(code));
        Assert.Contains(entry, await _host.GetGroundTruthAsync());
    }

    [Theory]
    [InlineData("LABOUR-REPORT-LATE", "2026-06")]
    [InlineData("LABOUR-WORKFORCE-NOT-INSURED", "2026-06")]
    [InlineData("LABOUR-ACCIDENT-NOT-DECLARED", "2026-10")]
    [InlineData("ENV-PARAMETER-OVER-LIMIT", "2026-10")]
    [InlineData("ENV-TRANSMISSION-GAP", "2026-10")]
    [InlineData("ENV-DISCHARGE-DURING-SUSPENSION", "2026-10")]
    public async Task A_planted_labour_or_environment_violation_breaks_only_its_rule_in_its_month(string ruleId, string period)
    {
        var code = await CleanActiveEnterpriseAsync(withStation: true);

        var (entry, _) = await PlantAndReadAsync(code, ruleId);

        Assert.Equal(new GroundTruthEntry(code, ruleId, period), entry);
        Assert.Equal([new RuleChecks.Finding(code, ruleId, period)], await FindingsAsync(code));
        Assert.Contains(entry, await _host.GetGroundTruthAsync());
    }

    [Fact]
    public async Task Insuring_under_half_the_payroll_in_a_report_month_breaks_only_that_rule()
    {
        _host.State.AdvancePeriod();
        Assert.Equal("2026-12", _host.State.AdvancePeriod());
        var code = await CleanActiveEnterpriseAsync(withStation: false);

        var (entry, published) = await PlantAndReadAsync(code, "BHXH-INSURED-BELOW-PAYROLL");

        Assert.Equal(new GroundTruthEntry(code, "BHXH-INSURED-BELOW-PAYROLL", "2026-12"), entry);
        Assert.Contains(published, record => record.Kind == "workforce-report");
        Assert.Equal([new RuleChecks.Finding(code, "BHXH-INSURED-BELOW-PAYROLL", "2026-12")], await FindingsAsync(code));
    }

    [Theory]
    [InlineData("TAX-REVENUE-COLLAPSE-WITH-STAFF")]
    [InlineData("TAX-OUTPUT-VAT-UNDERDECLARED")]
    [InlineData("ENV-DISCHARGE-DURING-SUSPENSION")]
    public async Task A_violation_planted_in_a_report_month_breaks_only_its_rule(string ruleId)
    {
        _host.State.AdvancePeriod();
        Assert.Equal("2026-12", _host.State.AdvancePeriod());
        var code = await CleanActiveEnterpriseAsync(withStation: true);

        var (entry, published) = await PlantAndReadAsync(code, ruleId);

        Assert.Equal(new GroundTruthEntry(code, ruleId, "2026-12"), entry);
        Assert.All(published, record => Assert.True(record.Version > 1, record.Id));
        Assert.Equal([new RuleChecks.Finding(code, ruleId, "2026-12")], await FindingsAsync(code));
    }

    [Theory]
    [InlineData("TAX-RETURN-MISSING")]
    [InlineData("LABOUR-REPORT-MISSING")]
    public async Task A_rule_broken_by_a_record_never_published_is_refused_at_runtime(string ruleId)
    {
        var code = await CleanActiveEnterpriseAsync();
        var groundTruth = await _host.GetGroundTruthAsync();

        var problem = await AssertRefusedAsync(code, ruleId, HttpStatusCode.Conflict);

        Assert.Contains("only in the generated history", problem.GetProperty("detail").GetString());
        Assert.Equal(groundTruth, await _host.GetGroundTruthAsync());
        Assert.Empty(await FindingsAsync(code));
    }

    [Fact]
    public async Task A_revenue_collapse_is_refused_without_returns_for_the_three_months_before()
    {
        // A three-month history from November: January, the current month, has two months before it.
        await using var young = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 30, HistoryMonths = 3 });
        var planted = (await young.GetGroundTruthAsync()).Select(entry => entry.EnterpriseCode).ToHashSet();
        var code = (await young.GetEnterprisesAsync())
            .First(enterprise => enterprise.Status == "active" && !planted.Contains(enterprise.EnterpriseCode))
            .EnterpriseCode;
        var before = young.State.LastSequence;

        using var refused = await young.Http.PostAsJsonAsync("/simulator/violations", new { enterpriseCode = code, ruleId = "TAX-REVENUE-COLLAPSE-WITH-STAFF" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, young.State.LastSequence);

        // A month later there are three.
        Assert.Equal("2026-02", young.State.AdvancePeriod());
        using var accepted = await young.Http.PostAsJsonAsync("/simulator/violations", new { enterpriseCode = code, ruleId = "TAX-REVENUE-COLLAPSE-WITH-STAFF" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal([new RuleChecks.Finding(code, "TAX-REVENUE-COLLAPSE-WITH-STAFF", "2026-02")], await FindingsAsync(code, young));
    }

    [Fact]
    public async Task Rules_an_enterprise_cannot_carry_are_refused()
    {
        var withoutStation = await CleanActiveEnterpriseAsync(withStation: false);
        await AssertRefusedAsync(withoutStation, "ENV-TRANSMISSION-GAP", HttpStatusCode.Conflict);
        await AssertRefusedAsync(withoutStation, "ENV-DISCHARGE-DURING-SUSPENSION", HttpStatusCode.Conflict);

        // A one-month history from November has no June or December, so no workforce report yet.
        await using var young = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 30, HistoryMonths = 1 });
        var code = (await young.GetEnterprisesAsync())[0].EnterpriseCode;
        using var response = await young.Http.PostAsJsonAsync("/simulator/violations", new { enterpriseCode = code, ruleId = "LABOUR-REPORT-LATE" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain((await young.ReadToEndAsync(RegistryServices.Labour)).Records, record => record.Kind == "workforce-report");
    }

    [Fact]
    public async Task The_ground_truth_file_is_rewritten_when_a_violation_is_planted()
    {
        var before = ReadGroundTruthFile();
        Assert.Equal(await _host.GetGroundTruthAsync(), before);

        using var response = await PlantAsync(await CleanActiveEnterpriseAsync(), "TAX-LATE-FILING");

        var entry = await response.Content.ReadFromJsonAsync<GroundTruthEntry>();
        Assert.Equal([.. before, entry!], ReadGroundTruthFile());
    }

    [Fact]
    public async Task Planting_the_same_violation_again_publishes_nothing_new()
    {
        var code = await CleanActiveEnterpriseAsync();
        using var first = await PlantAsync(code, "BHXH-ARREARS");
        var (_, cursor) = await _host.ReadToEndAsync(RegistryServices.SocialInsurance, code);

        using var second = await PlantAsync(code, "BHXH-ARREARS");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Empty((await _host.ReadToEndAsync(RegistryServices.SocialInsurance, code, cursor)).Records);
        Assert.Single(await _host.GetGroundTruthAsync(), entry => entry.EnterpriseCode == code);
    }

    [Fact]
    public async Task Requests_that_cannot_be_planted_are_refused()
    {
        var active = await CleanActiveEnterpriseAsync();
        var dissolved = (await _host.GetEnterprisesAsync()).First(enterprise => enterprise.Status == "dissolved").EnterpriseCode;

        await AssertRefusedAsync(active, "TAX-NOT-A-RULE", HttpStatusCode.BadRequest);
        await AssertRefusedAsync(TestEnterpriseCodes.WithWrongCheckDigit(active), "TAX-LATE-FILING", HttpStatusCode.BadRequest);
        await AssertRefusedAsync(TestEnterpriseCodes.UnusedValidCode(), "TAX-LATE-FILING", HttpStatusCode.NotFound);
        await AssertRefusedAsync(dissolved, "TAX-LATE-FILING", HttpStatusCode.Conflict);
    }

    /// <summary>Asks to plant the rule, checks the refusal published nothing, and returns its problem details.</summary>
    private async Task<JsonElement> AssertRefusedAsync(string code, string ruleId, HttpStatusCode expected)
    {
        var before = _host.State.LastSequence;

        using var response = await PlantAsync(code, ruleId);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, _host.State.LastSequence);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> PlantAsync(string code, string ruleId) =>
        _host.Http.PostAsJsonAsync("/simulator/violations", new { enterpriseCode = code, ruleId });

    /// <summary>Plants the rule and returns its entry and the records it published (after every cursor the enterprise's feeds had).</summary>
    private async Task<(GroundTruthEntry Entry, List<FeedRecord> Published)> PlantAndReadAsync(string code, string ruleId)
    {
        var cursors = new Dictionary<RegistryService, string>();
        foreach (var service in RegistryServices.All)
        {
            cursors[service] = (await _host.ReadToEndAsync(service, code)).Cursor;
        }

        using var response = await PlantAsync(code, ruleId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await response.Content.ReadFromJsonAsync<GroundTruthEntry>())!;
        var published = new List<FeedRecord>();
        foreach (var service in RegistryServices.All)
        {
            published.AddRange((await _host.ReadToEndAsync(service, code, cursors[service])).Records);
        }

        Assert.NotEmpty(published);
        return (entry, published);
    }

    /// <summary>What the doc's rules find on every record of the enterprise (in this test's simulator unless another is given).</summary>
    private async Task<HashSet<RuleChecks.Finding>> FindingsAsync(string code, SimulatorHost? host = null)
    {
        var everything = new List<FeedRecord>();
        foreach (var service in RegistryServices.All)
        {
            everything.AddRange((await (host ?? _host).ReadToEndAsync(service, code)).Records);
        }

        return RuleChecks.Evaluate(RegistrySnapshot.Of(everything));
    }

    /// <summary>An active enterprise no violation has been planted on yet, with or without a monitoring station when said.</summary>
    private async Task<string> CleanActiveEnterpriseAsync(bool? withStation = null)
    {
        var planted = (await _host.GetGroundTruthAsync()).Select(entry => entry.EnterpriseCode).ToHashSet();
        return (await _host.GetEnterprisesAsync())
            .First(enterprise => enterprise.Status == "active"
                && !planted.Contains(enterprise.EnterpriseCode)
                && (withStation is null || withStation == (enterprise.Sector is "manufacturing" or "food-service")))
            .EnterpriseCode;
    }

    private List<GroundTruthEntry> ReadGroundTruthFile() =>
        JsonSerializer.Deserialize<List<GroundTruthEntry>>(File.ReadAllText(_groundTruthPath), JsonSerializerOptions.Web)!;
}
