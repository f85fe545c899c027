namespace Inspection.Contracts.Grains;

/// <summary>
/// One inspected enterprise (doanh nghiệp), keyed by its 10-digit enterprise code. It pulls the
/// enterprise's records from every connected registry on a cadence, keeps them as evidence, and
/// raises flags through the rule pack.
/// </summary>
[Alias("Inspection.IEnterpriseGrain")]
public interface IEnterpriseGrain : IGrainWithStringKey
{
    /// <summary>Starts (or confirms) monitoring: the grain keeps pulling by itself from now on, across restarts.</summary>
    [Alias("StartMonitoring")]
    Task StartMonitoring();

    /// <summary>Pulls every registry once now, and evaluates the rules on what is new.</summary>
    [Alias("PullNow")]
    Task<PullReport> PullNow();

    [Alias("GetStatus")]
    Task<EnterpriseStatus> GetStatus();

    /// <summary>
    /// Takes this enterprise's records from a registry's change feed: stores them as evidence and
    /// re-assesses. Returns false when business registration does not know the enterprise, so the
    /// records are not its to keep.
    /// </summary>
    [Alias("Ingest")]
    Task<bool> Ingest(string registry, IReadOnlyList<Registries.RegistryRecord> records);
}
