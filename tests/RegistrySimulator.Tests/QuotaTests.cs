using System.Net;
using System.Text.Json;
using Inspection.RegistrySimulator.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace Inspection.RegistrySimulator.Tests;

public sealed class QuotaTests
{
    [Fact]
    public async Task Requests_past_the_burst_are_refused_with_429_and_a_retry_delay_while_other_tokens_go_on()
    {
        var options = SimulatorHost.SmallOptions(50);
        options.QuotaPerSecond = 0.01;
        options.QuotaBurst = 2;
        options.TokenRegistries["second-token"] = ["tax"];
        await using var host = await SimulatorHost.StartAsync(options);
        var path = SimulatorHost.FeedPath(RegistryServices.Tax, null, limit: 1);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var admitted = await host.Http.SendAsync(SimulatorHost.GatewayRequest(path));
            statuses.Add(admitted.StatusCode);
        }

        using var refused = await host.Http.SendAsync(SimulatorHost.GatewayRequest(path));
        using var otherToken = await host.Http.SendAsync(SimulatorHost.GatewayRequest(path, token: "second-token"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 100);
        Assert.True(refused.Headers.Contains("X-Road-Request-Hash"));
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
    }

    [Fact]
    public void A_token_bucket_refills_at_its_rate_up_to_its_burst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 2, burst: 2, time);

        Assert.True(bucket.TryTake(out _));
        Assert.True(bucket.TryTake(out _));
        Assert.False(bucket.TryTake(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(500), wait);

        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.False(bucket.TryTake(out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(250), wait);

        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(bucket.TryTake(out _));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(bucket.TryTake(out _));
        Assert.True(bucket.TryTake(out _));
        Assert.False(bucket.TryTake(out _));
    }
}
