namespace Inspection.Contracts.Audit;

/// <summary>The outcome of re-computing the audit chain: how many entries hold, and the first that does not.</summary>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstBrokenSequence, string? Problem);
