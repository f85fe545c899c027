using Inspection.Contracts.Evidence;

namespace Inspection.Contracts.Grains;

/// <summary>
/// The cluster-wide fan-out point for new flags: enterprise grains publish, each silo's
/// <see cref="IRiskFeedObserver"/> subscribes and re-subscribes before its subscription expires.
/// Use key <see cref="Key"/>.
/// </summary>
[Alias("Inspection.IRiskFeedGrain")]
public interface IRiskFeedGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Subscribe")]
    Task Subscribe(IRiskFeedObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IRiskFeedObserver observer);

    [Alias("Publish")]
    Task Publish(IReadOnlyList<RiskFlag> flags);

    [Alias("PublishCase")]
    Task PublishCase(Cases.CaseNotice notice);
}
