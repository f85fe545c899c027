namespace Inspection.Rules;

/// <summary>Everything the rules may read about one enterprise (doanh nghiệp): its registry records.</summary>
public sealed record EnterpriseFacts(string EnterpriseCode, IReadOnlyList<FactRecord> Records);
