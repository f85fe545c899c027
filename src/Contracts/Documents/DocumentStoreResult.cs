using System.Diagnostics.CodeAnalysis;

namespace Inspection.Contracts.Documents;

/// <summary>The outcome of <see cref="IDocumentStore.PutAsync"/>: the stored document, or why it was refused.</summary>
public sealed record DocumentStoreResult
{
    private DocumentStoreResult(DocumentRef? document, DocumentRefusal? refusal)
    {
        Document = document;
        Refusal = refusal;
    }

    public DocumentRef? Document { get; }

    public DocumentRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsStored => Refusal is null;

    public static DocumentStoreResult Stored(DocumentRef document) => new(document, null);

    public static DocumentStoreResult Refused(DocumentRefusal refusal) => new(null, refusal);
}
