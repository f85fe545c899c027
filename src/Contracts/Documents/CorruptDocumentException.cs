namespace Inspection.Contracts.Documents;

/// <summary>
/// A stored document's bytes no longer hash to the SHA-256 they were stored under, or are no longer
/// of their recorded size: they were changed behind the database's back, and are not served.
/// </summary>
public sealed class CorruptDocumentException : IOException
{
    public CorruptDocumentException(string sha256)
        : base($"Stored document {sha256} is corrupt: its content no longer matches its SHA-256 and size, and is not served.")
    {
        Sha256 = sha256;
    }

    public string Sha256 { get; }
}
