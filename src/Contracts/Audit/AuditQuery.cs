namespace Inspection.Contracts.Audit;

/// <summary>Audit entries, newest first, optionally of one subject or action, and before a sequence number (for paging back).</summary>
public sealed record AuditQuery(string? Subject, string? Action, long? Before, int Limit);
