using System.Text;
using Inspection.RegistrySimulator;
using Inspection.TestSupport;

namespace Inspection.EndToEnd.Tests;

/// <summary>OpenTelemetry export over OTLP, to a collector of the test's own on loopback.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly SqliteEvidence _evidence = new();

    public void Dispose() => _evidence.Dispose();

    [Fact]
    public async Task With_an_otlp_endpoint_traces_metrics_and_logs_reach_it_named_after_the_service_and_carrying_no_enterprise_names()
    {
        await using var collector = await LocalOtlpCollector.StartAsync();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 40, Seed = 5 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["Logging:OpenTelemetry:LogLevel:Default"] = "Information",
        });
        using var client = platform.CreateClient(await platform.SignInAsync("leadership", "ld-otel"));
        (await client.GetAsync("/api/enterprises")).EnsureSuccessStatusCode();

        var signals = await Eventually.Until(
            () => Task.FromResult(new[] { "traces", "metrics", "logs" }.ToDictionary(s => s, s => collector.Received(s))),
            received => received.Values.All(bodies => bodies.Count > 0)
                && Contains(received["traces"], "GET /api/enterprises")
                && Contains(received["metrics"], "inspection.assessments")
                && Contains(received["metrics"], "orleans-"),
            TimeSpan.FromSeconds(60),
            received => string.Join(", ", received.Select(r => $"{r.Value.Count} {r.Key} exports")));

        Assert.All(signals.Values, bodies => Assert.True(Contains(bodies, "inspection-silo"), "an export without the service name"));
        var names = (await simulator.EnterprisesAsync()).Select(e => e.Name).ToList();
        Assert.All(signals.Values.SelectMany(b => b), body => Assert.DoesNotContain(names, name => Contains([body], name)));
    }

    private static bool Contains(IEnumerable<byte[]> bodies, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return bodies.Any(body => body.AsSpan().IndexOf(bytes) >= 0);
    }
}
