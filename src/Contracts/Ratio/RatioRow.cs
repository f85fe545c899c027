namespace Inspection.Contracts.Ratio;

/// <summary>
/// The remote-check ratio (tỷ lệ kiểm tra từ xa) of one group (an agency, province or sector, or
/// everything) in one period: the checks counted, those counted remote, their share against the target
/// in force, and the hit rate (share of checks that found a violation) by why the enterprise was chosen.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.RatioRow")]
public sealed record RatioRow(
    [property: Id(0)] string Period,
    [property: Id(1)] string GroupBy,
    [property: Id(2)] string Group,
    [property: Id(3)] int Checks,
    [property: Id(4)] int Remote,
    [property: Id(5)] double? RemoteShare,
    [property: Id(6)] double? Target,
    [property: Id(7)] int RiskBasedChecks,
    [property: Id(8)] int RiskBasedFound,
    [property: Id(9)] double? RiskBasedHitRate,
    [property: Id(10)] int OtherChecks,
    [property: Id(11)] int OtherFound,
    [property: Id(12)] double? OtherHitRate);
