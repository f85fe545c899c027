namespace Inspection.Contracts.Evidence;

/// <summary>
/// A sign of violation (dấu hiệu vi phạm) raised by a rule: not a finding, but the reason to ask the
/// enterprise to explain. It names the rule and version that fired, the values it saw and the records
/// those values came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.RiskFlag")]
public sealed record RiskFlag(
    [property: Id(0)] string FlagId,
    [property: Id(1)] string EnterpriseCode,
    [property: Id(2)] string EnterpriseName,
    [property: Id(3)] string Province,
    [property: Id(4)] string Sector,
    [property: Id(5)] string RuleId,
    [property: Id(6)] int RuleVersion,
    [property: Id(7)] string Severity,
    [property: Id(8)] string? Period,
    [property: Id(9)] LocalizedText Title,
    [property: Id(10)] LocalizedText Explanation,
    [property: Id(11)] string LegalBasis,
    [property: Id(12)] IReadOnlyDictionary<string, string> Values,
    [property: Id(13)] IReadOnlyList<string> RecordReferences,
    [property: Id(14)] DateTimeOffset RaisedAt);
