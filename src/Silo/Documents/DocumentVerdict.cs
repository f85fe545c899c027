using System.Diagnostics.CodeAnalysis;
using Inspection.Contracts.Documents;

namespace Inspection.Silo.Documents;

/// <summary>
/// What <see cref="DocumentPolicy"/> decided about an upload: allowed, with the content type its bytes
/// show and its sanitised file name, or refused, with the <see cref="DocumentRefusal"/> that says why.
/// </summary>
public sealed record DocumentVerdict
{
    private DocumentVerdict(string? contentType, string? fileName, DocumentRefusal? refusal)
    {
        ContentType = contentType;
        FileName = fileName;
        Refusal = refusal;
    }

    /// <summary>The content type determined from the bytes, e.g. <c>application/pdf</c>; null when refused.</summary>
    public string? ContentType { get; }

    /// <summary>The file name without path parts or control characters, at most 200 characters; null when refused.</summary>
    public string? FileName { get; }

    public DocumentRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(ContentType), nameof(FileName))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAllowed => Refusal is null;

    public static DocumentVerdict Allowed(string contentType, string fileName) => new(contentType, fileName, null);

    public static DocumentVerdict Refused(DocumentRefusal refusal) => new(null, null, refusal);
}
