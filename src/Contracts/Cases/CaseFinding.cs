namespace Inspection.Contracts.Cases;

/// <summary>A finding (phát hiện), tied to the evidence it rests on.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseFinding")]
public sealed record CaseFinding(
    [property: Id(0)] int Number,
    [property: Id(1)] string Text,
    [property: Id(2)] bool IsViolation,
    [property: Id(3)] IReadOnlyList<CaseEvidence> Evidence,
    [property: Id(4)] DateTimeOffset RecordedAt,
    [property: Id(5)] string RecordedBy);

/// <summary>One piece of evidence: a registry record (its id), a flag (its id), or a document (its SHA-256).</summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseEvidence")]
public sealed record CaseEvidence([property: Id(0)] string Kind, [property: Id(1)] string Id);
