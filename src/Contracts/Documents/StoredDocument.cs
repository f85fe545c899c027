namespace Inspection.Contracts.Documents;

/// <summary>
/// A stored document's content, checked against its hash when read: the content type to serve it as
/// (decided from the bytes when it was first stored), its size, when it was first stored, and the bytes.
/// </summary>
public sealed record StoredDocument(string Sha256, string ContentType, long Size, DateTimeOffset StoredAt, ReadOnlyMemory<byte> Content);
