namespace Inspection.Silo.Documents;

/// <summary>The content types <see cref="DocumentPolicy"/> gives the documents it allows; nothing else is ever stored.</summary>
public static class DocumentContentTypes
{
    public const string Pdf = "application/pdf";

    public const string Png = "image/png";

    public const string Jpeg = "image/jpeg";

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Plain text, checked to be UTF-8, so served with that charset and never guessed at.</summary>
    public const string PlainText = "text/plain; charset=utf-8";

    /// <inheritdoc cref="PlainText"/>
    public const string Csv = "text/csv; charset=utf-8";
}
