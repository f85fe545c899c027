namespace Inspection.Contracts.Documents;

/// <summary>
/// The documents (tài liệu) enterprises upload, stored by the SHA-256 of their content: the same bytes
/// are stored once, however often and under whatever names they are uploaded, and are never changed.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end, stopping as soon as it is larger than the limit,
    /// checks it with the document policy and stores it unless it was stored already. A refused upload
    /// stores nothing and says why in <see cref="DocumentStoreResult.Refusal"/>.
    /// </summary>
    Task<DocumentStoreResult> PutAsync(Stream content, string fileName, CancellationToken ct);

    /// <summary>
    /// The stored document whose content hashes to <paramref name="sha256"/> (64 hex digits), or null if
    /// there is none. Its bytes are hashed again before they are handed out.
    /// </summary>
    /// <exception cref="CorruptDocumentException">The stored bytes no longer hash to <paramref name="sha256"/>.</exception>
    Task<StoredDocument?> OpenAsync(string sha256, CancellationToken ct);
}
