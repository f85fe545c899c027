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
    [InlineData("TAX-LATE-FILING")]
    [InlineData("TAX-DEBT-OVERDUE")]
    [InlineData("BHXH-ARREARS")]
    [InlineData("BHXH-INSURED-BELOW-PAYROLL")]
    [InlineData("TAX-INVOICES-AFTER-DISSOLUTION")]
    [InlineData("TAX-INVOICES-DURING-SUSPENSION")]
    public async Task A_planted_violation_appears_after_the_previous_cursor_and_breaks_only_its_rule(string ruleId)
    {
        var code = await CleanActiveEnterpriseAsync();
        var cursors = new Dictionary<RegistryService, string>();
        foreach (var service in RegistryServices.All)
        {
            cursors[service] = (await _host.ReadToEndAsync(service, code)).Cursor;
        }

        using var response = await PlantAsync(code, ruleId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await response.Content.ReadFromJsonAsync<GroundTruthEntry>();
        Assert.Equal(new GroundTruthEntry(code, ruleId, "2026-10"), entry);
        var published = new List<FeedRecord>();
        foreach (var service in RegistryServices.All)
        {
            published.AddRange((await _host.ReadToEndAsync(service, code, cursors[service])).Records);
        }

        Assert.NotEmpty(published);
        Assert.All(published, record => Assert.True(record.Version > 1, record.Id));
        var everything = new List<FeedRecord>();
        foreach (var service in RegistryServices.All)
        {
            everything.AddRange((await _host.ReadToEndAsync(service, code)).Records);
        }

        var findings = RuleChecks.Evaluate(RegistrySnapshot.Of(everything));
        Assert.Equal([new RuleChecks.Finding(code, ruleId, "2026-10")], findings);
        Assert.Contains(entry, await _host.GetGroundTruthAsync());
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

    private async Task AssertRefusedAsync(string code, string ruleId, HttpStatusCode expected)
    {
        var before = _host.State.LastSequence;

        using var response = await PlantAsync(code, ruleId);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, _host.State.LastSequence);
    }

    private Task<HttpResponseMessage> PlantAsync(string code, string ruleId) =>
        _host.Http.PostAsJsonAsync("/simulator/violations", new { enterpriseCode = code, ruleId });

    /// <summary>An active enterprise no violation has been planted on yet.</summary>
    private async Task<string> CleanActiveEnterpriseAsync()
    {
        var planted = (await _host.GetGroundTruthAsync()).Select(entry => entry.EnterpriseCode).ToHashSet();
        return (await _host.GetEnterprisesAsync())
            .First(enterprise => enterprise.Status == "active" && !planted.Contains(enterprise.EnterpriseCode))
            .EnterpriseCode;
    }

    private List<GroundTruthEntry> ReadGroundTruthFile() =>
        JsonSerializer.Deserialize<List<GroundTruthEntry>>(File.ReadAllText(_groundTruthPath), JsonSerializerOptions.Web)!;
}
