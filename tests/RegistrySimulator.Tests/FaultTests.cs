using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>Each injected fault, switched on at rate 1 for one registry and observed over loopback HTTP.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;
    private string _code = null!;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(200));
        _code = (await _host.GetEnterprisesAsync()).First(enterprise => enterprise.Status == "active").EnterpriseCode;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Latency_delays_the_answer_but_not_its_content()
    {
        var path = SimulatorHost.FeedPath(RegistryServices.Tax, null, limit: 5);
        var clean = await BodyAsync(path);
        await _host.SetFaultsAsync("tax", new { latencyMs = 300, latencyJitterMs = 50 });

        var stopwatch = Stopwatch.StartNew();
        var (response, _) = await _host.SendAsync(path);
        stopwatch.Stop();

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(clean, await response.Content.ReadAsStringAsync());
        }

        Assert.True(stopwatch.ElapsedMilliseconds >= 300, $"answered after {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(2, (await _host.GetStatsAsync())["tax"].Outcomes["ok"]);
    }

    [Fact]
    public async Task Server_errors_are_500_502_or_503_problems_that_still_carry_the_request_id_and_hash()
    {
        await _host.SetFaultsAsync("tax", new { serverErrorRate = 1.0 });
        var path = SimulatorHost.FeedPath(RegistryServices.Tax, _code);

        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            var (response, requestId) = await _host.SendAsync(path);
            using (response)
            {
                await AssertProblemAsync(response, requestId, path);
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Subset(new HashSet<HttpStatusCode> { HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable }, statuses);
        Assert.True(statuses.Count >= 2, string.Join(", ", statuses));
        Assert.Equal(20, (await _host.GetStatsAsync())["tax"].Outcomes["server-error"]);
    }

    [Fact]
    public async Task Throttling_answers_429_with_retry_after_one_second()
    {
        await _host.SetFaultsAsync("social-insurance", new { throttleRate = 1.0 });
        var path = SimulatorHost.FeedPath(RegistryServices.SocialInsurance, null);

        var (response, requestId) = await _host.SendAsync(path);

        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            await AssertProblemAsync(response, requestId, path);
        }

        Assert.Equal(1, (await _host.GetStatsAsync())["social-insurance"].Outcomes["throttled"]);
    }

    [Fact]
    public async Task A_timeout_hangs_until_the_client_gives_up_and_the_gateway_goes_on_answering()
    {
        var path = SimulatorHost.FeedPath(RegistryServices.Labour, null);
        await _host.SetFaultsAsync("labour", new { timeoutRate = 1.0 });
        using var impatient = new HttpClient { BaseAddress = _host.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.SendAsync(path, impatient));

        Assert.Equal(1, (await _host.GetStatsAsync())["labour"].Outcomes["timeout"]);
        await _host.ClearFaultsAsync();
        var (response, _) = await _host.SendAsync(path, impatient);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Malformed_answers_are_200_json_that_no_parser_reads_while_refusals_stay_proper_problems()
    {
        await _host.SetFaultsAsync("tax", new { malformedRate = 1.0 });

        foreach (var path in new[]
                 {
                     SimulatorHost.FeedPath(RegistryServices.Tax, null, limit: 3),
                     SimulatorHost.FeedPath(RegistryServices.Tax, null, since: "999999999"),
                     SimulatorHost.FeedPath(RegistryServices.Tax, _code),
                 })
        {
            var (response, _) = await _host.SendAsync(path);
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                var body = await response.Content.ReadAsStringAsync();
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
            }
        }

        var unknownPath = SimulatorHost.FeedPath(RegistryServices.Tax, TestEnterpriseCodes.UnusedValidCode());
        var (notFound, requestId) = await _host.SendAsync(unknownPath);
        using (notFound)
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            await AssertProblemAsync(notFound, requestId, unknownPath);
        }
    }

    [Fact]
    public async Task Truncated_answers_are_the_page_cut_off_inside_a_record()
    {
        var path = SimulatorHost.FeedPath(RegistryServices.Environment, null, since: "40", limit: 10);
        var clean = await BodyAsync(path);
        var records = JsonDocument.Parse(clean).RootElement.GetProperty("records").EnumerateArray()
            .Select(record => record.GetRawText())
            .Select(text => (Start: clean.IndexOf(text, StringComparison.Ordinal), text.Length))
            .ToList();
        Assert.Equal(10, records.Count);
        await _host.SetFaultsAsync("environment", new { truncatedRate = 1.0 });

        for (var i = 0; i < 5; i++)
        {
            var (response, _) = await _host.SendAsync(path);
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.StartsWith(body, clean, StringComparison.Ordinal);
                Assert.True(body.Length < clean.Length);
                Assert.Contains(records, record => record.Start < body.Length && body.Length < record.Start + record.Length);
                Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
            }
        }
    }

    [Fact]
    public async Task Duplicates_repeat_records_of_the_previous_page_and_of_the_page_itself_without_dropping_any()
    {
        foreach (var enterpriseCode in new[] { null, _code })
        {
            var service = enterpriseCode is null ? RegistryServices.Tax : RegistryServices.Labour;
            await _host.ClearFaultsAsync();
            var first = await _host.GetPageAsync(service, enterpriseCode, limit: enterpriseCode is null ? 20 : 1);
            var second = await _host.GetPageAsync(service, enterpriseCode, since: first.NextCursor, limit: enterpriseCode is null ? 20 : 1);
            Assert.NotEmpty(second.Records);
            await _host.SetFaultsAsync(service.Id, new { duplicateRate = 1.0 });

            var faulty = await _host.GetPageAsync(service, enterpriseCode, since: first.NextCursor, limit: enterpriseCode is null ? 20 : 1);

            Assert.Equal((second.NextCursor, second.HasMore), (faulty.NextCursor, faulty.HasMore));
            Assert.Subset(faulty.Records.Select(Key).ToHashSet(), second.Records.Select(Key).ToHashSet());
            Assert.True(faulty.Records.Count > faulty.Records.Select(Key).Distinct().Count() || faulty.Records.Count > second.Records.Count);
            Assert.Contains(faulty.Records, record => first.Records.Select(Key).Contains(Key(record)));
            Assert.Subset(first.Records.Concat(second.Records).Select(Key).ToHashSet(), faulty.Records.Select(Key).ToHashSet());
        }

        Assert.Equal(1, (await _host.GetStatsAsync())["labour"].Outcomes["duplicate"]);
    }

    [Fact]
    public async Task Out_of_order_pages_hold_the_same_records_shuffled_under_the_same_cursor()
    {
        var path = SimulatorHost.FeedPath(RegistryServices.SocialInsurance, null, since: "100", limit: 30);
        var clean = JsonSerializer.Deserialize<FeedPageBody>(await BodyAsync(path), JsonSerializerOptions.Web)!;
        await _host.SetFaultsAsync("social-insurance", new { outOfOrder = true });

        var shuffled = await _host.GetPageAsync(RegistryServices.SocialInsurance, null, since: "100", limit: 30);

        Assert.Equal((clean.NextCursor, clean.HasMore), (shuffled.NextCursor, shuffled.HasMore));
        Assert.Equal(clean.Records.Select(Key).Order(), shuffled.Records.Select(Key).Order());
        Assert.NotEqual(clean.Records.Select(Key), shuffled.Records.Select(Key));
    }

    [Fact]
    public async Task Unknown_enterprises_appear_in_change_feeds_only_and_nowhere_else()
    {
        var known = (await _host.GetEnterprisesAsync()).Select(enterprise => enterprise.EnterpriseCode).ToHashSet();
        var cleanEnterpriseFeed = await _host.GetPageAsync(RegistryServices.BusinessRegistration, _code);
        await _host.SetFaultsAsync("business-registration", new { unknownEnterpriseRate = 1.0 });

        var page = await _host.GetPageAsync(RegistryServices.BusinessRegistration, null, limit: 10);
        var enterprisePage = await _host.GetPageAsync(RegistryServices.BusinessRegistration, _code);

        var strangers = page.Records.Where(record => !known.Contains(record.EnterpriseCode)).ToList();
        Assert.NotEmpty(strangers);
        Assert.Equal(10, page.Records.Count - strangers.Count);
        Assert.All(strangers, record =>
        {
            Assert.True(TestEnterpriseCodes.IsValid(record.EnterpriseCode), record.EnterpriseCode);
            Assert.Equal($"REG-{record.EnterpriseCode}", record.Id);
            Assert.Equal("registration", record.Kind);
        });
        Assert.Equal(cleanEnterpriseFeed.Records.Select(Key), enterprisePage.Records.Select(Key));
        var truth = (await _host.GetGroundTruthAsync()).Select(entry => entry.EnterpriseCode).ToHashSet();
        foreach (var stranger in strangers)
        {
            Assert.DoesNotContain(stranger.EnterpriseCode, truth);
            var (response, _) = await _host.SendAsync(SimulatorHost.FeedPath(RegistryServices.BusinessRegistration, stranger.EnterpriseCode));
            using (response)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task A_wrong_hash_answer_carries_the_right_page_and_id_but_another_request_s_hash()
    {
        var path = SimulatorHost.FeedPath(RegistryServices.Tax, _code, limit: 4);
        var clean = await BodyAsync(path);
        await _host.SetFaultsAsync("tax", new { wrongHashRate = 1.0 });

        var (response, requestId) = await _host.SendAsync(path);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(clean, await response.Content.ReadAsStringAsync());
            Assert.Equal(requestId, response.Headers.GetValues("X-Road-Request-Id").Single());
            var hash = response.Headers.GetValues("X-Road-Request-Hash").Single();
            Assert.NotEqual(XRoadRequestHash.Compute("GET", path, SimulatorHost.Client, requestId), hash);
            Assert.Equal(64, Convert.FromBase64String(hash).Length);
        }

        Assert.Equal(1, (await _host.GetStatsAsync())["tax"].Outcomes["wrong-hash"]);
    }

    [Fact]
    public async Task Faults_of_one_registry_leave_the_others_alone()
    {
        var cleanBodies = new Dictionary<RegistryService, string>();
        foreach (var service in RegistryServices.All)
        {
            cleanBodies[service] = await BodyAsync(SimulatorHost.FeedPath(service, null, since: "3", limit: 7));
        }

        (await _host.Http.DeleteAsync("/simulator/stats")).Dispose();
        await _host.SetFaultsAsync("tax", new
        {
            serverErrorRate = 0.3, throttleRate = 0.3, malformedRate = 0.2, truncatedRate = 0.2, duplicateRate = 1.0, outOfOrder = true,
        });

        foreach (var service in RegistryServices.All)
        {
            var (response, _) = await _host.SendAsync(SimulatorHost.FeedPath(service, null, since: "3", limit: 7));
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.Equal(service != RegistryServices.Tax, response.StatusCode == HttpStatusCode.OK && body == cleanBodies[service]);
            }
        }

        var stats = await _host.GetStatsAsync();
        Assert.All(RegistryServices.All.Where(service => service != RegistryServices.Tax), service =>
        {
            Assert.Equal(1, stats[service.Id].Total);
            Assert.Equal(1, stats[service.Id].Outcomes["ok"]);
        });
        Assert.Equal(0, stats["tax"].Outcomes["ok"]);
    }

    [Fact]
    public async Task The_same_settings_give_the_same_faults_to_the_same_requests()
    {
        var path = SimulatorHost.FeedPath(RegistryServices.Tax, null, limit: 2);

        async Task<List<HttpStatusCode>> StatusesAsync()
        {
            await _host.SetFaultsAsync("tax", new { serverErrorRate = 0.3, throttleRate = 0.2 });
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 30; i++)
            {
                var (response, _) = await _host.SendAsync(path);
                using (response)
                {
                    statuses.Add(response.StatusCode);
                }
            }

            return statuses;
        }

        var first = await StatusesAsync();
        var again = await StatusesAsync();

        Assert.Equal(first, again);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(first, status => (int)status >= 500);
    }

    [Fact]
    public async Task A_change_feed_with_short_retention_answers_410_naming_where_to_resume_and_serves_what_it_kept()
    {
        var (all, end) = await _host.ReadToEndAsync(RegistryServices.Tax, null);
        await _host.SetFaultsAsync("tax", new { feedRetention = 25 });
        var path = SimulatorHost.FeedPath(RegistryServices.Tax, null);

        var (response, requestId) = await _host.SendAsync(path);
        string oldest;
        using (response)
        {
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            await AssertProblemAsync(response, requestId, path);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            oldest = problem.RootElement.GetProperty("oldestCursor").GetString()!;
        }

        var (kept, keptEnd) = await _host.ReadToEndAsync(RegistryServices.Tax, null, since: oldest);
        Assert.Equal(all.TakeLast(25).Select(Key), kept.Select(Key));
        Assert.Equal(end, keptEnd);
        Assert.Empty((await _host.GetPageAsync(RegistryServices.Tax, null, since: end)).Records);
        Assert.NotEmpty((await _host.GetPageAsync(RegistryServices.Tax, _code)).Records);
    }

    private static string Key(FeedRecord record) => $"{record.Id}@{record.Version}";

    private async Task<string> BodyAsync(string path)
    {
        var (response, _) = await _host.SendAsync(path);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string requestId, string path)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(requestId, response.Headers.GetValues("X-Road-Request-Id").Single());
        Assert.Equal(
            XRoadRequestHash.Compute("GET", path, SimulatorHost.Client, requestId),
            response.Headers.GetValues("X-Road-Request-Hash").Single());
    }
}
