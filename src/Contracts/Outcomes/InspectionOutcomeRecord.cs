namespace Inspection.Contracts.Outcomes;

/// <summary>
/// The outcome of one concluded inspection of an enterprise (kết quả thanh tra, kiểm tra): when it was
/// decided and whether it found a violation, and where the platform learnt it (an import of the
/// agency's past case records, or a case concluded on the platform).
/// </summary>
public sealed record InspectionOutcomeRecord(string EnterpriseCode, DateOnly DecidedOn, bool ViolationFound, string Source);
