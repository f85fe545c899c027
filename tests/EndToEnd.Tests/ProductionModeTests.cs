using System.Net;
using System.Net.Http.Json;
using Inspection.RegistrySimulator;

namespace Inspection.EndToEnd.Tests;

public sealed class ProductionModeTests : IAsyncLifetime
{
    private readonly SqliteEvidence _data = new();
    private SimulatorHost _simulator = null!;
    private PlatformHost _platform = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 20 });
        _platform = await PlatformHost.StartAsync(
            _simulator,
            new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.DataDirectory },
            environment: "Production");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _simulator.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task The_development_sign_in_does_not_exist_outside_development()
    {
        using var client = _platform.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "admin", subject = "intruder" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
