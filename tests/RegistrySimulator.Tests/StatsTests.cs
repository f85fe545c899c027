using System.Net;

namespace Inspection.RegistrySimulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Requests_are_counted_per_registry_and_outcome_and_per_second()
    {
        var options = SimulatorHost.SmallOptions(30);
        options.QuotaBurst = 6;
        options.QuotaPerSecond = 0.001;
        await using var host = await SimulatorHost.StartAsync(options);
        var tax = SimulatorHost.FeedPath(RegistryServices.Tax, null, limit: 2);

        for (var i = 0; i < 3; i++)
        {
            await SendAsync(host, tax, HttpStatusCode.OK);
        }

        using (var unauthorized = await host.Http.SendAsync(SimulatorHost.GatewayRequest(tax, token: "not-the-token")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }

        await host.SetFaultsAsync("tax", new { throttleRate = 1.0 });
        await SendAsync(host, tax, HttpStatusCode.TooManyRequests);
        await SendAsync(host, tax, HttpStatusCode.TooManyRequests);
        await SendAsync(host, SimulatorHost.FeedPath(RegistryServices.Environment, null), HttpStatusCode.OK);
        await SendAsync(host, SimulatorHost.FeedPath(RegistryServices.Environment, null), HttpStatusCode.TooManyRequests);

        var stats = await host.GetStatsAsync();

        var taxStats = stats["tax"];
        Assert.Equal(6, taxStats.Total);
        Assert.Equal(3, taxStats.Outcomes["ok"]);
        Assert.Equal(1, taxStats.Outcomes["rejected"]);
        Assert.Equal(2, taxStats.Outcomes["throttled"]);
        Assert.Equal(taxStats.Total, taxStats.Outcomes.Values.Sum());
        Assert.Equal(10, taxStats.LastSeconds.Count);
        Assert.Equal(6, taxStats.LastSeconds.Sum());
        Assert.InRange(taxStats.PeakRequestsPerSecond, 1, 6);
        Assert.True(taxStats.RequestsPerSecond > 0);

        var environment = stats["environment"];
        Assert.Equal((2, 1, 1), (environment.Total, environment.Outcomes["ok"], environment.Outcomes["quota-exceeded"]));
        Assert.Equal(0, stats["labour"].Total);
        Assert.All(stats["labour"].Outcomes.Values, count => Assert.Equal(0, count));
        Assert.Contains("timeout", stats["labour"].Outcomes.Keys);

        using var reset = await host.Http.DeleteAsync("/simulator/stats");
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var after = await host.GetStatsAsync();
        Assert.All(after.Values, registry => Assert.Equal((0, 0), (registry.Total, registry.PeakRequestsPerSecond)));
    }

    [Fact]
    public async Task The_peak_rate_shows_a_burst_of_requests()
    {
        await using var host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(30));
        var path = SimulatorHost.FeedPath(RegistryServices.SocialInsurance, null, limit: 1);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Http.SendAsync(SimulatorHost.GatewayRequest(path))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var stats = (await host.GetStatsAsync())["social-insurance"];
        Assert.Equal(20, stats.Total);
        Assert.Equal(20, stats.LastSeconds.Sum());
        Assert.Equal(stats.LastSeconds.Max(), stats.PeakRequestsPerSecond);

        // However the twenty arrivals spread over the seconds, the busiest second had its share of them.
        Assert.InRange(stats.PeakRequestsPerSecond, (int)Math.Ceiling(20.0 / stats.LastSeconds.Count(count => count > 0)), 20);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static async Task SendAsync(SimulatorHost host, string path, HttpStatusCode expected)
    {
        var (response, _) = await host.SendAsync(path);
        using (response)
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }
}
