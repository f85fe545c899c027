using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>A simulator started on a free loopback port, with a client that speaks the gateway protocol.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string Client = "VN/GOV/000.00.00.H99/INSPECTION";
    public const string Token = "dev-registry-token";

    private SimulatorHost(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public SimulatorState State => App.Services.GetRequiredService<SimulatorState>();

    public static SimulatorOptions SmallOptions(int enterprises = 400) => new() { EnterpriseCount = enterprises };

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, Action<SimulatorState>? beforeStart = null)
    {
        var app = RegistrySimulatorApp.Create(options, ["--Logging:LogLevel:Default=Warning"]);
        app.Urls.Add("http://127.0.0.1:0");
        beforeStart?.Invoke(app.Services.GetRequiredService<SimulatorState>());
        await app.StartAsync();
        return new SimulatorHost(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    public static string FeedPath(RegistryService service, string? enterpriseCode, string? since = null, int? limit = null)
    {
        var query = new List<string>();
        if (since is not null)
        {
            query.Add($"since={since}");
        }

        if (limit is not null)
        {
            query.Add($"limit={limit}");
        }

        var feed = enterpriseCode is null ? "changes" : $"{enterpriseCode}/records";
        return $"/r1/{service.ServicePath}/{feed}" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
    }

    /// <summary>A gateway request with every required header; pass null to leave one out.</summary>
    public static HttpRequestMessage GatewayRequest(string pathAndQuery, string? token = Token, string? client = Client, string? requestId = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (client is not null)
        {
            request.Headers.Add("X-Road-Client", client);
        }

        if (requestId is not null)
        {
            request.Headers.Add("X-Road-Id", requestId.Length > 0 ? requestId : Guid.NewGuid().ToString());
        }

        return request;
    }

    public async Task<FeedPageBody> GetPageAsync(RegistryService service, string? enterpriseCode, string? since = null, int? limit = null)
    {
        using var response = await Http.SendAsync(GatewayRequest(FeedPath(service, enterpriseCode, since, limit)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FeedPageBody>())!;
    }

    /// <summary>A newest-first change-feed page: the newest records after <paramref name="since"/> and at or before <paramref name="until"/>.</summary>
    public async Task<FeedPageBody> GetNewestPageAsync(RegistryService service, string? since, string? until, int limit)
    {
        var query = $"?order=newest&limit={limit}" + (since is null ? "" : $"&since={since}") + (until is null ? "" : $"&until={until}");
        using var response = await Http.SendAsync(GatewayRequest($"/r1/{service.ServicePath}/changes{query}"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FeedPageBody>())!;
    }

    /// <summary>Pages through a feed from <paramref name="since"/> to its end; returns the records and the final cursor.</summary>
    public async Task<(List<FeedRecord> Records, string Cursor)> ReadToEndAsync(
        RegistryService service, string? enterpriseCode = null, string? since = null, int limit = 1000)
    {
        var records = new List<FeedRecord>();
        while (true)
        {
            var page = await GetPageAsync(service, enterpriseCode, since, limit);
            records.AddRange(page.Records);
            since = page.NextCursor;
            if (!page.HasMore)
            {
                return (records, since);
            }
        }
    }

    /// <summary>Every record version of the five registries, read through their change feeds.</summary>
    public async Task<List<FeedRecord>> ReadEverythingAsync()
    {
        var all = new List<FeedRecord>();
        foreach (var service in RegistryServices.All)
        {
            all.AddRange((await ReadToEndAsync(service)).Records);
        }

        return all;
    }

    /// <summary>Replaces a registry's faults through the admin API (an anonymous object with the JSON field names).</summary>
    public async Task SetFaultsAsync(string registryId, object settings)
    {
        using var response = await Http.PutAsJsonAsync($"/simulator/faults/{registryId}", settings);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Http.DeleteAsync("/simulator/faults");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task<Dictionary<string, StatsBody>> GetStatsAsync() =>
        (await Http.GetFromJsonAsync<Dictionary<string, StatsBody>>("/simulator/stats"))!;

    /// <summary>Sends a gateway request for the path with a fresh X-Road-Id, which it returns with the answer.</summary>
    public async Task<(HttpResponseMessage Response, string RequestId)> SendAsync(string pathAndQuery, HttpClient? client = null)
    {
        var requestId = Guid.NewGuid().ToString();
        return (await (client ?? Http).SendAsync(GatewayRequest(pathAndQuery, requestId: requestId)), requestId);
    }

    public async Task<List<EnterpriseSummary>> GetEnterprisesAsync() =>
        (await Http.GetFromJsonAsync<List<EnterpriseSummary>>("/simulator/enterprises"))!;

    public async Task<List<GroundTruthEntry>> GetGroundTruthAsync() =>
        (await Http.GetFromJsonAsync<List<GroundTruthEntry>>("/simulator/ground-truth"))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>One registry's entry of <c>GET /simulator/stats</c>.</summary>
public sealed record StatsBody(long Total, Dictionary<string, long> Outcomes, double RequestsPerSecond, int PeakRequestsPerSecond, List<int> LastSeconds);
