namespace Inspection.RegistrySimulator;

/// <summary>
/// A past inspection of an enterprise (kết quả thanh tra, kiểm tra) as the agency's case records keep
/// it: when it was concluded and whether it found a violation. What a supervised risk model learns from.
/// </summary>
public sealed record InspectionOutcome(string EnterpriseCode, DateOnly DecidedOn, bool ViolationFound);
