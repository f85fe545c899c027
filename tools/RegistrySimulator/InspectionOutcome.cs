namespace Inspection.RegistrySimulator;

/// <summary>
/// A past inspection of an enterprise (kết quả thanh tra, kiểm tra) as the agency's case records keep
/// it: when it was concluded, whether it found a violation, where and in which sector the enterprise is,
/// how the check was done (<c>remote</c>, <c>on-site</c> or <c>hybrid</c>) and why the enterprise was
/// chosen (<c>risk</c>, <c>plan</c>, <c>complaint</c> or <c>other</c>). What a supervised risk model
/// learns from, and what the remote-check ratio of the demo counts.
/// </summary>
public sealed record InspectionOutcome(
    string EnterpriseCode,
    DateOnly DecidedOn,
    bool ViolationFound,
    string Province = "",
    string Sector = "",
    string Mode = "on-site",
    string Selection = "other");
