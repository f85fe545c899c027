namespace Inspection.Contracts.Audit;

/// <summary>
/// One link of the audit trail (nhật ký kiểm toán): the event, when it was written, its place in the
/// chain, and <see cref="Hash"/> = SHA-256 of the entry together with <see cref="PreviousHash"/>, so
/// that changing, removing or inserting any entry breaks every hash after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] AuditEvent Event,
    [property: Id(3)] string PreviousHash,
    [property: Id(4)] string Hash);
