using Inspection.Contracts.Registries;
using Inspection.RegistrySimulator;
using Inspection.TestSupport;

namespace Inspection.EndToEnd.Tests;

public sealed class DaprTransportTests
{
    private const string GatewayAppId = "registry-gateway";

    [Fact]
    public async Task Pulling_through_the_Dapr_sidecar_stores_the_same_records_as_plain_HTTP()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 40, Seed = 31 });
        await using var sidecar = await LocalDaprSidecar.StartAsync(GatewayAppId, simulator.BaseAddress);
        var published = simulator.State.LastSequence;

        var overHttp = await PullEverythingAsync(simulator, new Dictionary<string, string?>(), published);
        var throughDapr = await PullEverythingAsync(simulator, DaprSettings(sidecar), published);

        Assert.Equal(published, overHttp.Count);
        Assert.Equal(overHttp, throughDapr);
        Assert.True(sidecar.Invocations >= 40 * 5, $"only {sidecar.Invocations} requests went through the sidecar");
    }

    private static Dictionary<string, string?> DaprSettings(LocalDaprSidecar sidecar)
    {
        var settings = new Dictionary<string, string?> { ["Registries:DaprEndpoint"] = sidecar.Endpoint.ToString() };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Transport"] = "Dapr";
            settings[$"Registries:Sources:{registry}:DaprAppId"] = GatewayAppId;
        }

        return settings;
    }

    /// <summary>Runs a platform until it has stored every published record; returns what it stored, provenance request ids aside.</summary>
    private static async Task<List<string>> PullEverythingAsync(SimulatorHost simulator, Dictionary<string, string?> settings, long published)
    {
        using var evidence = new SqliteEvidence();
        settings["Storage:DataDirectory"] = evidence.DataDirectory;
        await using (await PlatformHost.StartAsync(simulator, settings))
        {
            return await Eventually.Until(
                evidence.RecordsWithPayloadAsync,
                stored => stored.Count == published,
                TimeSpan.FromSeconds(120),
                stored => $"{stored.Count} of {published} records stored");
        }
    }
}
