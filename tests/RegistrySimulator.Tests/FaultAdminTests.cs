using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.RegistrySimulator.Tests;

public sealed class FaultAdminTests
{
    [Fact]
    public async Task Faults_set_in_the_options_apply_from_the_start_and_the_admin_api_shows_and_clears_them()
    {
        var options = SimulatorHost.SmallOptions(30);
        options.Faults["labour"] = new FaultSettings { ThrottleRate = 1, LatencyMs = 5 };
        await using var host = await SimulatorHost.StartAsync(options);
        var path = SimulatorHost.FeedPath(RegistryServices.Labour, null);

        var faults = (await host.Http.GetFromJsonAsync<Dictionary<string, JsonElement>>("/simulator/faults"))!;
        var (throttled, _) = await host.SendAsync(path);
        using var cleared = await host.Http.DeleteAsync("/simulator/faults");
        var (answered, _) = await host.SendAsync(path);

        Assert.Equal(["business-registration", "environment", "labour", "social-insurance", "tax"], faults.Keys.Order());
        Assert.Equal(1, faults["labour"].GetProperty("throttleRate").GetDouble());
        Assert.Equal(5, faults["labour"].GetProperty("latencyMs").GetInt32());
        Assert.Equal(0, faults["tax"].GetProperty("throttleRate").GetDouble());
        Assert.False(faults["tax"].GetProperty("outOfOrder").GetBoolean());
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(host.App.Services.GetRequiredService<RegistryFaults>().Get("labour").IsOff);
        throttled.Dispose();
        answered.Dispose();
    }

    [Fact]
    public async Task Putting_faults_replaces_the_registry_s_settings_and_answers_them()
    {
        await using var host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(30));
        await host.SetFaultsAsync("tax", new { serverErrorRate = 0.5, outOfOrder = true });

        using var response = await host.Http.PutAsJsonAsync("/simulator/faults/tax", new { duplicateRate = 0.25 });
        using var clearOne = await host.Http.DeleteAsync("/simulator/faults/environment");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0.25, answered.GetProperty("duplicateRate").GetDouble());
        Assert.Equal(0, answered.GetProperty("serverErrorRate").GetDouble());
        Assert.False(answered.GetProperty("outOfOrder").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, clearOne.StatusCode);
        var stored = host.App.Services.GetRequiredService<RegistryFaults>().Get("tax");
        Assert.Equal((0.25, 0.0, false), (stored.DuplicateRate, stored.ServerErrorRate, stored.OutOfOrder));
    }

    [Theory]
    [InlineData("land", """{"throttleRate":0.5}""", HttpStatusCode.NotFound)]
    [InlineData("tax", """{"throttleRate":1.5}""", HttpStatusCode.BadRequest)]
    [InlineData("tax", """{"timeoutRate":-0.1}""", HttpStatusCode.BadRequest)]
    [InlineData("tax", """{"latencyMs":-5}""", HttpStatusCode.BadRequest)]
    [InlineData("tax", """{"throtleRate":0.5}""", HttpStatusCode.BadRequest)]
    [InlineData("tax", """{"outOfOrder":"sometimes"}""", HttpStatusCode.BadRequest)]
    [InlineData("tax", """{"feedRetention":-1}""", HttpStatusCode.BadRequest)]
    public async Task Bad_fault_settings_are_refused_and_change_nothing(string registryId, string body, HttpStatusCode expected)
    {
        await using var host = await SimulatorHost.StartAsync(SimulatorHost.SmallOptions(30));
        await host.SetFaultsAsync("tax", new { wrongHashRate = 0.5 });

        using var response = await host.Http.PutAsync($"/simulator/faults/{registryId}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var faults = host.App.Services.GetRequiredService<RegistryFaults>();
        Assert.Equal(0.5, faults.Get("tax").WrongHashRate);
        Assert.Equal(0, faults.Get("tax").ThrottleRate);
    }

    [Fact]
    public void Faults_bind_from_the_command_line_as_the_standalone_program_reads_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--Simulator:Faults:tax:ServerErrorRate=0.1", "--Simulator:Faults:labour:OutOfOrder=true"])
            .Build();

        var options = configuration.GetSection("Simulator").Get<SimulatorOptions>()!;

        Assert.Equal(0.1, options.Faults["tax"].ServerErrorRate);
        Assert.True(options.Faults["labour"].OutOfOrder);
        var faults = new RegistryFaults(options);
        Assert.Equal(0.1, faults.Get("tax").ServerErrorRate);
    }

    [Fact]
    public void Fault_options_out_of_range_are_refused_when_the_app_is_built()
    {
        Assert.Throws<ArgumentException>(() => RegistrySimulatorApp.Create(new SimulatorOptions { Faults = { ["land"] = new FaultSettings() } }));
        Assert.Throws<ArgumentException>(() => RegistrySimulatorApp.Create(new SimulatorOptions { Faults = { ["tax"] = new FaultSettings { ServerErrorRate = 2 } } }));
        Assert.Throws<ArgumentException>(() => RegistrySimulatorApp.Create(new SimulatorOptions { Faults = { ["tax"] = new FaultSettings { LatencyJitterMs = -1 } } }));
    }
}
