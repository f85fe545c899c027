using Inspection.Contracts.Outcomes;

namespace Inspection.Silo.Hosting;

/// <summary>
/// In the embedded default, imports the simulated agency's past inspection outcomes at start, as an
/// administrator would import a real agency's case records (<c>POST /api/outcomes</c>). Importing again
/// after a restart adds nothing: an outcome is kept once.
/// </summary>
public sealed partial class SimulatorOutcomesImport(EmbeddedSimulator simulator, IInspectionOutcomes outcomes, ILogger<SimulatorOutcomesImport> logger)
    : IHostedService
{
    public const string Source = "simulator";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var records = simulator.Outcomes.Select(o => new InspectionOutcomeRecord(o.EnterpriseCode, o.DecidedOn, o.ViolationFound, Source)).ToList();
        var imported = await outcomes.ImportAsync(records, cancellationToken);
        LogImported(logger, imported, records.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Imported} of the simulated agency's {Count} past inspection outcomes")]
    private static partial void LogImported(ILogger logger, int imported, int count);
}
