namespace Inspection.Contracts.Documents;

/// <summary>
/// One document (tài liệu) an enterprise uploaded in answer to an inspector's request: the SHA-256 of
/// its bytes (64 lower-case hex digits, the key it is stored under), its size in bytes, the content
/// type the platform determined from the bytes themselves (never the uploader's claim), the sanitised
/// file name it was uploaded under, and when it was uploaded. The same bytes uploaded under two names
/// are two references to one stored content.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.DocumentRef")]
public sealed record DocumentRef(
    [property: Id(0)] string Sha256,
    [property: Id(1)] long Size,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string FileName,
    [property: Id(4)] DateTimeOffset StoredAt);
