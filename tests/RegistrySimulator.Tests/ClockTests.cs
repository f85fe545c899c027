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
    public async Task Advancing_the_clock_publishes_clean_summaries_monthly_and_workforce_reports_in_december()
    {
        await using var host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions());
        var enterprises = await host.GetEnterprisesAsync();
        var active = enterprises.Where(enterprise => enterprise.Status == "active").ToList();
        var stations = active.Where(enterprise => enterprise.Sector is "manufacturing" or "food-service").Select(enterprise => enterprise.EnterpriseCode).Order().ToList();
        Assert.NotEmpty(stations);
        var labourCursor = (await host.ReadToEndAsync(RegistryServices.Labour)).Cursor;
        var environmentCursor = (await host.ReadToEndAsync(RegistryServices.Environment)).Cursor;

        Assert.Equal("2026-11", host.State.AdvancePeriod());
        var november = (await host.ReadToEndAsync(RegistryServices.Labour, since: labourCursor)).Records;
        var summaries = (await host.ReadToEndAsync(RegistryServices.Environment, since: environmentCursor)).Records;
        Assert.Equal("2026-12", host.State.AdvancePeriod());
        var december = (await host.ReadToEndAsync(RegistryServices.Labour, since: labourCursor)).Records.Skip(november.Count).ToList();

        Assert.Equal(stations, summaries.Select(record => record.EnterpriseCode).Order());
        Assert.All(summaries, record => Assert.Equal(("monitoring-summary", "2026-11", 1), (record.Kind, record.Period, record.Version)));
        Assert.DoesNotContain(november, record => record.Kind == "workforce-report");
        var reports = december.Where(record => record.Kind == "workforce-report").ToList();
        Assert.Equal(active.Select(enterprise => enterprise.EnterpriseCode).Order(), reports.Select(record => record.EnterpriseCode).Order());
        Assert.All(reports, record => Assert.Equal(($"LAB-{record.EnterpriseCode}-2026-H2", "2026-12"), (record.Id, record.Period)));
        Assert.All(november.Concat(december), record => Assert.Contains(active, enterprise => enterprise.EnterpriseCode == record.EnterpriseCode));

        var snapshot = RegistrySnapshot.Of(await host.ReadEverythingAsync());
        Assert.All(reports, record => Assert.Equal(
            snapshot.VatReturns[(record.EnterpriseCode, "2026-12")].PayrollHeadcount,
            snapshot.WorkforceReports[(record.EnterpriseCode, "2026-12")].ReportedWorkforce));
        var findings = RuleChecks.Evaluate(snapshot);
        Assert.DoesNotContain(findings, finding => finding.Period is "2026-11" or "2026-12");
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
