using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>
/// Every fault at once, at moderate rates: a client that retries what it cannot use, checks the request hash,
/// ignores enterprises the registry does not know and keeps each (id, version) once reads exactly the records
/// it reads without faults.
/// </summary>
public sealed class NoDataLossTests
{
    private static readonly object Faults = new
    {
        latencyJitterMs = 3,
        serverErrorRate = 0.08,
        throttleRate = 0.08,
        timeoutRate = 0.05,
        malformedRate = 0.08,
        truncatedRate = 0.08,
        wrongHashRate = 0.08,
        duplicateRate = 0.3,
        outOfOrder = true,
        unknownEnterpriseRate = 0.25,
    };

    [Fact]
    public async Task A_retrying_client_reads_exactly_the_clean_records_under_every_fault()
    {
        await using var host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(120));
        var enterprises = (await host.GetEnterprisesAsync()).Select(enterprise => enterprise.EnterpriseCode).ToList();
        var known = enterprises.ToHashSet();
        var feeds = RegistryServices.All.Select(service => (service, (string?)null))
            .Concat(RegistryServices.All.Select(service => (service, (string?)enterprises[7])))
            .ToList();
        var clean = new Dictionary<(RegistryService, string?), List<string>>();
        foreach (var (service, code) in feeds)
        {
            clean[(service, code)] = [.. (await host.ReadToEndAsync(service, code)).Records.Select(Describe)];
        }

        foreach (var service in RegistryServices.All)
        {
            await host.SetFaultsAsync(service.Id, Faults);
        }

        using var client = new HttpClient { BaseAddress = host.Http.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var strangers = 0;
        foreach (var (service, code) in feeds)
        {
            var (records, unknown) = await ReadWithRetriesAsync(client, service, code, known);
            strangers += unknown;

            Assert.Equal(clean[(service, code)].Order(), records.Order());
        }

        Assert.True(strangers > 0);
        var outcomes = (await host.GetStatsAsync()).Values
            .SelectMany(registry => registry.Outcomes)
            .GroupBy(outcome => outcome.Key, outcome => outcome.Value)
            .ToDictionary(group => group.Key, group => group.Sum());
        Assert.All(
            ["ok", "duplicate", "out-of-order", "unknown-enterprise", "malformed", "truncated", "wrong-hash", "throttled", "server-error", "timeout"],
            outcome => Assert.True(outcomes[outcome] > 0, $"no {outcome} answer"));
    }

    /// <summary>Pages through a feed, retrying every answer it cannot use, and returns each record version once.</summary>
    private static async Task<(List<string> Records, int Unknown)> ReadWithRetriesAsync(
        HttpClient client, RegistryService service, string? code, HashSet<string> known)
    {
        var records = new Dictionary<string, string>();
        var unknown = 0;
        string? since = null;
        while (true)
        {
            var page = await GetPageWithRetriesAsync(client, SimulatorHost.FeedPath(service, code, since, limit: 40));
            foreach (var record in page.Records)
            {
                if (!known.Contains(record.EnterpriseCode))
                {
                    unknown++;
                    continue;
                }

                var description = Describe(record);
                if (records.TryGetValue($"{record.Id}@{record.Version}", out var seen))
                {
                    Assert.Equal(seen, description);
                }

                records[$"{record.Id}@{record.Version}"] = description;
            }

            Assert.True(since is null || long.Parse(page.NextCursor, CultureInfo.InvariantCulture) >= long.Parse(since, CultureInfo.InvariantCulture));
            since = page.NextCursor;
            if (!page.HasMore)
            {
                return ([.. records.Values], unknown);
            }
        }
    }

    private static async Task<FeedPageBody> GetPageWithRetriesAsync(HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var requestId = Guid.NewGuid().ToString();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
            try
            {
                using var response = await client.SendAsync(SimulatorHost.GatewayRequest(path, requestId: requestId), timeout.Token);
                if (response.StatusCode != HttpStatusCode.OK
                    || response.Headers.GetValues("X-Road-Request-Hash").Single() != XRoadRequestHash.Compute("GET", path, SimulatorHost.Client, requestId))
                {
                    continue;
                }

                return JsonSerializer.Deserialize<FeedPageBody>(await response.Content.ReadAsStringAsync(timeout.Token), JsonSerializerOptions.Web)!;
            }
            catch (Exception exception) when (exception is OperationCanceledException or JsonException)
            {
            }
        }

        throw new InvalidOperationException($"No usable answer to {path} in 100 attempts.");
    }

    private static string Describe(FeedRecord record) => $"{record.Id}@{record.Version} {record.EnterpriseCode} {record.Kind} {record.Period} {record.Data.GetRawText()}";
}
