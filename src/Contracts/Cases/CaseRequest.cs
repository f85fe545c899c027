using Inspection.Contracts.Documents;

namespace Inspection.Contracts.Cases;

/// <summary>
/// A request to the enterprise for documents or data (yêu cầu cung cấp tài liệu), due by a date, with its
/// answers and the inspector's note on the latest review (what more is needed when an answer is returned).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseRequest")]
public sealed record CaseRequest(
    [property: Id(0)] int Number,
    [property: Id(1)] string Text,
    [property: Id(2)] DateOnly DueOn,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset RequestedAt,
    [property: Id(5)] string RequestedBy,
    [property: Id(6)] IReadOnlyList<CaseAnswer> Answers,
    [property: Id(7)] string? ReviewNote = null);

/// <summary>The enterprise's answer to a request: what it says, and the documents it supplies.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.CaseAnswer")]
public sealed record CaseAnswer(
    [property: Id(0)] DateTimeOffset AnsweredAt,
    [property: Id(1)] string AnsweredBy,
    [property: Id(2)] string Text,
    [property: Id(3)] IReadOnlyList<DocumentRef> Documents);
