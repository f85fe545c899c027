namespace Inspection.Contracts.Audit;

/// <summary>
/// Something a person (or the platform itself) did that must be answerable later: who, in which role,
/// did what to which subject, with the particulars. Details are plain values, never documents.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.AuditEvent")]
public sealed record AuditEvent(
    [property: Id(0)] string Actor,
    [property: Id(1)] string ActorRole,
    [property: Id(2)] string Action,
    [property: Id(3)] string Subject,
    [property: Id(4)] IReadOnlyDictionary<string, string?> Details);
