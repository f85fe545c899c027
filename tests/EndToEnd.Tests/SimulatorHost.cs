using System.Net.Http.Json;
using System.Text.Json;
using Inspection.RegistrySimulator;
using Inspection.RegistrySimulator.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>The registry simulator on a free loopback port, with its admin endpoints for planting and ground truth.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _admin;

    private SimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        _admin = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options)
    {
        var app = RegistrySimulatorApp.Create(options);
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Urls.First();
        return new SimulatorHost(app, new Uri(address));
    }

    public async Task<IReadOnlyList<PlantedViolation>> GroundTruthAsync() =>
        (await _admin.GetFromJsonAsync<List<PlantedViolation>>("/simulator/ground-truth"))!;

    public async Task<IReadOnlyList<SimulatedEnterprise>> EnterprisesAsync() =>
        (await _admin.GetFromJsonAsync<List<SimulatedEnterprise>>("/simulator/enterprises"))!;

    /// <summary>Per (enterprise, registry), the record requests that came without a cursor; the enterprise is null for a change feed's reads from its beginning.</summary>
    public async Task<IReadOnlyDictionary<(string? EnterpriseCode, string Registry), int>> ReadsFromStartAsync() =>
        (await _admin.GetFromJsonAsync<List<FromStartRead>>("/simulator/reads-from-start"))!.ToDictionary(r => (r.EnterpriseCode, r.Registry), r => r.Count);

    public async Task<PlantedViolation> PlantAsync(string enterpriseCode, string ruleId)
    {
        var response = await _admin.PostAsJsonAsync("/simulator/violations", new { enterpriseCode, ruleId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PlantedViolation>())!;
    }

    /// <summary>A clean, active enterprise of the province, to plant a new violation in.</summary>
    public async Task<SimulatedEnterprise> CleanActiveEnterpriseAsync(string province, IReadOnlySet<string>? exclude = null)
    {
        var planted = (await GroundTruthAsync()).Select(v => v.EnterpriseCode).ToHashSet();
        return (await EnterprisesAsync()).First(e =>
            e.Province == province && e.Status == "active" && !planted.Contains(e.EnterpriseCode) && exclude?.Contains(e.EnterpriseCode) != true);
    }

    /// <summary>Switches faults on for one registry (fields as the simulator's <c>PUT /simulator/faults/{registry}</c> takes them).</summary>
    public async Task SetFaultsAsync(string registry, object faults) =>
        (await _admin.PutAsJsonAsync($"/simulator/faults/{registry}", faults)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await _admin.DeleteAsync("/simulator/faults")).EnsureSuccessStatusCode();

    public async Task<JsonElement> StatsAsync() => await _admin.GetFromJsonAsync<JsonElement>("/simulator/stats");

    /// <summary>Every record version the registries publish, read through their change feeds as a client of the gateway.</summary>
    public async Task<HashSet<string>> AllRecordKeysAsync()
    {
        var keys = new HashSet<string>();
        foreach (var service in RegistryServices.All)
        {
            var since = string.Empty;
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/r1/{service.ServicePath}/changes?since={since}&limit=1000");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "dev-registry-token");
                request.Headers.Add("X-Road-Client", "VN/GOV/000.00.00.H99/INSPECTION-TESTS");
                request.Headers.Add("X-Road-Id", Guid.NewGuid().ToString());
                using var response = await _admin.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                foreach (var record in page.GetProperty("records").EnumerateArray())
                {
                    keys.Add($"{service.Id}|{record.GetProperty("id").GetString()}|{record.GetProperty("version").GetInt32()}");
                }

                since = page.GetProperty("nextCursor").GetString();
                if (!page.GetProperty("hasMore").GetBoolean())
                {
                    break;
                }
            }
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record PlantedViolation(string EnterpriseCode, string RuleId, string? Period);

public sealed record SimulatedEnterprise(string EnterpriseCode, string Name, string Province, string ProvinceName, string Sector, string Status);
