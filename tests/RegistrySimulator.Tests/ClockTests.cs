using System.Net;
using System.Net.Http.Json;

namespace Inspection.RegistrySimulator.Tests;

public sealed class ClockTests
{
    [Fact]
    public async Task Advancing_the_clock_publishes_the_next_month_for_active_enterprises_only()
    {
        await using var host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions());
        var enterprises = await host.GetEnterprisesAsync();
        var active = enterprises.Where(enterprise => enterprise.Status == "active").Select(enterprise => enterprise.EnterpriseCode).Order().ToList();
        Assert.NotEqual(enterprises.Count, active.Count);
        var taxCursor = (await host.ReadToEndAsync(RegistryServices.Tax)).Cursor;
        var contributionCursor = (await host.ReadToEndAsync(RegistryServices.SocialInsurance)).Cursor;

        using var response = await host.Http.PostAsync("/simulator/clock/advance", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-11", (await response.Content.ReadFromJsonAsync<PeriodBody>())!.Period);
        var returns = (await host.ReadToEndAsync(RegistryServices.Tax, since: taxCursor)).Records;
        var contributions = (await host.ReadToEndAsync(RegistryServices.SocialInsurance, since: contributionCursor)).Records;
        Assert.Equal(active, returns.Select(record => record.EnterpriseCode).Order());
        Assert.Equal(active, contributions.Select(record => record.EnterpriseCode).Order());
        Assert.All(returns.Concat(contributions), record => Assert.Equal(("2026-11", 1), (record.Period, record.Version)));
        var findings = RuleChecks.Evaluate(RegistrySnapshot.Of(await host.ReadEverythingAsync()));
        Assert.DoesNotContain(findings, finding => finding.Period == "2026-11");
        Assert.Equal("2026-11", host.State.CurrentPeriod);
    }

    [Fact]
    public async Task In_demo_mode_the_clock_publishes_a_month_every_interval()
    {
        var published = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = SimulatorHost.SmallOptions(50);
        options.PeriodInterval = TimeSpan.FromMilliseconds(50);

        await using var host = await SimulatorHost.StartAsync(options, state => state.PeriodPublished += period => published.TrySetResult(period));

        var period = await published.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("2026-11", period);
        var page = await host.GetPageAsync(RegistryServices.Tax, (await host.GetEnterprisesAsync()).First(e => e.Status == "active").EnterpriseCode);
        Assert.Contains(page.Records, record => record.Period == "2026-11");
    }

    private sealed record PeriodBody(string Period);
}
