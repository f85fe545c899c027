namespace Inspection.Silo.Documents;

/// <summary>How large an uploaded document (tài liệu) may be (section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>
    /// The highest <see cref="MaxBytes"/> accepted: a document is held in memory while it is checked and
    /// stored, as one value of one row (SQLite's default limit for a value is 10^9 bytes, PostgreSQL's 1 GiB).
    /// </summary>
    public const long MaxBytesCeiling = 512L * 1024 * 1024;

    /// <summary>The largest document accepted, in bytes (20 MiB unless configured; at most <see cref="MaxBytesCeiling"/>).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}
