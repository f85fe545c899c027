namespace Inspection.Contracts.RulePacks;

/// <summary>
/// The rule pack in force and its administration (quản lý bộ quy tắc): the versions with their stages
/// and counts, and the promotion of a dry-run version, which changes the pack for the whole platform,
/// is written to the audit trail and has every enterprise assessed again.
/// </summary>
public interface IRuleCatalog
{
    Task<RulePackSummary> DescribeAsync(CancellationToken ct);

    /// <param name="actor">Who promotes (the token's subject), for the audit trail.</param>
    Task<PromotionResult> PromoteAsync(string ruleId, int version, string actor, CancellationToken ct);
}
