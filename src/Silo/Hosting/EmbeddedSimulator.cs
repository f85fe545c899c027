using Inspection.RegistrySimulator;

namespace Inspection.Silo.Hosting;

/// <summary>
/// The registry simulator run beside the platform on loopback (section <c>Simulator</c>,
/// <c>Enabled</c> = true by default), so that the embedded default pulls over real HTTP. It is
/// started before the silo and stopped after it.
/// </summary>
public sealed class EmbeddedSimulator(WebApplication simulator, Uri baseAddress) : IHostedService, IAsyncDisposable
{
    public const string SectionName = "Simulator";

    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The agency's past inspections in the simulated history: the demo's outcomes for the supervised risk model.</summary>
    public IReadOnlyList<InspectionOutcome> Outcomes => simulator.Services.GetRequiredService<SimulatorState>().InspectionOutcomes;

    public static async Task<EmbeddedSimulator?> StartIfEnabledAsync(IConfiguration configuration, CancellationToken ct)
    {
        var section = configuration.GetSection(SectionName);
        if (!section.GetValue("Enabled", true))
        {
            return null;
        }

        var options = section.Get<SimulatorOptions>() ?? new SimulatorOptions();
        var app = RegistrySimulatorApp.Create(options);
        app.Urls.Clear();
        app.Urls.Add(section["Url"] ?? "http://127.0.0.1:0");
        await app.StartAsync(ct);
        // After start, Urls holds the address actually bound (the port chosen for :0).
        return new EmbeddedSimulator(app, new Uri(app.Urls.First()));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => simulator.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => simulator.DisposeAsync();
}
