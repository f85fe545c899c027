using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;

namespace Inspection.Silo.Storage;

/// <summary>
/// The write side of the evidence store, used by the grains. Records and flags are append-only and
/// idempotent, so that an at-least-once pull can store what it received again without harm.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Stores the records in one transaction; a (registry, record id, version) already stored is
    /// skipped, a new version is stored beside the old ones.
    /// </summary>
    /// <returns>How many of the records were new.</returns>
    Task<int> AppendRecordsAsync(IReadOnlyList<RegistryRecord> records, CancellationToken ct);

    /// <summary>Stores the flags in one transaction; a flag id already stored is skipped.</summary>
    /// <returns>How many of the flags were new.</returns>
    Task<int> AppendFlagsAsync(IReadOnlyList<RiskFlag> flags, CancellationToken ct);

    /// <summary>Stores what dry-run rule versions would have flagged, apart from the flags; an id already stored is skipped.</summary>
    /// <returns>How many were new.</returns>
    Task<int> AppendDryRunFlagsAsync(IReadOnlyList<RiskFlag> flags, CancellationToken ct);

    /// <summary>Per rule version, how many flags (or dry-run flags) have been raised and in how many enterprises.</summary>
    Task<IReadOnlyList<RuleFlagCount>> CountFlagsByRuleAsync(CancellationToken ct);

    /// <summary>The codes of listed enterprises after <paramref name="after"/> (null: from the first), in code order.</summary>
    Task<IReadOnlyList<string>> ListEnterpriseCodesAsync(string? after, int limit, CancellationToken ct);

    /// <summary>Creates or replaces the enterprise's row in the enterprise list.</summary>
    Task UpsertEnterpriseAsync(EnterpriseListing listing, CancellationToken ct);

    /// <summary>The latest stored version of each of the enterprise's records, by registry and record id.</summary>
    Task<IReadOnlyList<RegistryRecord>> GetLatestRecordsAsync(string enterpriseCode, CancellationToken ct);
}
