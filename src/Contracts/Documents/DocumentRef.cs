namespace Inspection.Contracts.Documents;

/// <summary>A stored document (tài liệu), named by the SHA-256 of its bytes: the same bytes are one document.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.DocumentRef")]
public sealed record DocumentRef(
    [property: Id(0)] string Sha256,
    [property: Id(1)] long Size,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string FileName,
    [property: Id(4)] DateTimeOffset StoredAt);
