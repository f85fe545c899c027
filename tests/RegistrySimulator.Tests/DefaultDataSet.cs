namespace Inspection.RegistrySimulator.Tests;

/// <summary>The default data set (3000 enterprises), read once over HTTP for all tests of a class.</summary>
public sealed class DefaultDataSet : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public RegistrySnapshot Snapshot { get; private set; } = null!;

    /// <summary>Every record version of the five registries as served.</summary>
    public List<FeedRecord> Records { get; private set; } = null!;

    public List<EnterpriseSummary> Enterprises { get; private set; } = null!;

    public List<GroundTruthEntry> GroundTruth { get; private set; } = null!;

    public HashSet<RuleChecks.Finding> Findings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(new SimulatorOptions());
        Records = await _host.ReadEverythingAsync();
        Snapshot = RegistrySnapshot.Of(Records);
        Enterprises = await _host.GetEnterprisesAsync();
        GroundTruth = await _host.GetGroundTruthAsync();
        Findings = RuleChecks.Evaluate(Snapshot);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
