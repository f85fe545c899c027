using Inspection.Contracts.Registries;

namespace Inspection.Contracts.Evidence;

/// <summary>
/// The read side of the evidence store (kho chứng cứ): what the API and dashboards list and show.
/// Time bounds are half-open: a "from"/"since" bound is inclusive, a "to"/"until" bound exclusive.
/// Stored times have millisecond precision.
/// </summary>
public interface IEvidenceQueries
{
    /// <summary>Enterprises ranked by risk score (highest first), then by code.</summary>
    Task<IReadOnlyList<EnterpriseListing>> ListEnterprisesAsync(EnterpriseQuery query, CancellationToken ct);

    Task<EnterpriseListing?> GetEnterpriseAsync(string enterpriseCode, CancellationToken ct);

    /// <summary>Flags, newest first.</summary>
    Task<IReadOnlyList<RiskFlag>> ListFlagsAsync(FlagQuery query, CancellationToken ct);

    /// <summary>Records (every stored version), by fetch time (newest first), then registry, record id and version.</summary>
    Task<IReadOnlyList<RegistryRecord>> ListRecordsAsync(RecordQuery query, CancellationToken ct);

    /// <summary>
    /// The records a flag cites, by their references <c>{RecordId}@v{Version}</c> (see
    /// <see cref="RegistryRecord.Reference"/>); references that match nothing are left out.
    /// </summary>
    Task<IReadOnlyList<RegistryRecord>> GetRecordsByReferenceAsync(
        string enterpriseCode, IReadOnlyCollection<string> references, CancellationToken ct);
}
