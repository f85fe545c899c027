namespace Inspection.Contracts.Audit;

/// <summary>
/// The append-only, hash-chained audit trail. Appends are serialised across the whole cluster, so the
/// chain never forks; the database refuses updates and deletes of its rows.
/// </summary>
public interface IAuditTrail
{
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct);

    /// <summary>Re-computes every hash from the first entry on.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken ct);
}
