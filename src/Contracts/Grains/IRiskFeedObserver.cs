using Inspection.Contracts.Evidence;

namespace Inspection.Contracts.Grains;

/// <summary>One per silo: receives new flags and forwards them to the dashboards connected there.</summary>
[Alias("Inspection.IRiskFeedObserver")]
public interface IRiskFeedObserver : IGrainObserver
{
    [Alias("FlagsRaised")]
    Task FlagsRaised(IReadOnlyList<RiskFlag> flags);

    [Alias("CaseChanged")]
    Task CaseChanged(Cases.CaseNotice notice);
}
