using Inspection.Contracts.Models;

namespace Inspection.Contracts.Grains;

/// <summary>
/// Trains the risk models on every listed enterprise (an anomaly ensemble per peer group, and the
/// supervised model on the past inspection outcomes) on a schedule and on request, versions them, and
/// hands each enterprise what the models made of it. One for the cluster; one training at a time, and a
/// request during a training runs another once it is done.
/// </summary>
[Alias("Inspection.IRiskModelGrain")]
public interface IRiskModelGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Starts the training schedule (idempotent); each silo asks once it has started.</summary>
    [Alias("Schedule")]
    Task Schedule();

    /// <summary>Asks for a training; returns at once.</summary>
    /// <param name="reason">Why, for the log: "scheduled", "requested by an administrator".</param>
    [Alias("Request")]
    Task Request(string reason);

    /// <summary>The last training's summary, and whether one is under way.</summary>
    [Alias("GetStatus")]
    Task<RiskModelStatus> GetStatus();
}
