using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using Inspection.Contracts.Documents;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Documents;

/// <summary>
/// Decides which uploaded documents (tài liệu) may be stored, by their content (magic bytes), not by
/// their name nor by the uploader's claim: PDF, PNG, JPEG, Word and Excel documents (Office Open XML,
/// without macros) and UTF-8 plain text or CSV. Everything else is refused (executables, web pages,
/// SVG, scripts, unknown content), and so is content of one allowed type under the extension of
/// another. The content type of a verdict is the one the bytes show, and the file name is sanitised.
/// </summary>
public sealed class DocumentPolicy(IOptions<DocumentOptions> options)
{
    /// <summary>The longest file name kept; a longer one is shortened, its extension kept.</summary>
    public const int MaxFileNameLength = 200;

    private const string ContentTypesEntry = "[Content_Types].xml";

    // An Office document's list of part types is a few kilobytes; one larger than this is not read.
    private const int MaxContentTypesChars = 1024 * 1024;

    // An extension longer than this is no allowed type's, so shortening a name need not keep it.
    private const int LongestKeptExtension = 16;

    private const string WordMainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMainPart = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string VbaProjectPart = "application/vnd.ms-office.vbaProject";

    private const string AllowedTypes = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), plain text (.txt) and CSV (.csv)";

    private static readonly Dictionary<string, DocumentKind> KindsByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = DocumentKind.Pdf,
        [".png"] = DocumentKind.Png,
        [".jpg"] = DocumentKind.Jpeg,
        [".jpeg"] = DocumentKind.Jpeg,
        [".docx"] = DocumentKind.Docx,
        [".xlsx"] = DocumentKind.Xlsx,
        [".txt"] = DocumentKind.Text,
        [".csv"] = DocumentKind.Text,
    };

    // Replaced rather than removed: they are no danger to the platform, only to whoever saves the file on Windows.
    private static readonly char[] ReservedCharacters = ['"', '*', ':', '<', '>', '?', '|'];

    /// <summary>The largest document accepted, in bytes.</summary>
    public long MaxBytes { get; } = options.Value.MaxBytes;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> WindowsExecutableSignature => "MZ"u8;

    private static ReadOnlySpan<byte> ElfSignature => [0x7F, 0x45, 0x4C, 0x46];

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether <paramref name="content"/>, uploaded as <paramref name="fileName"/>, may be stored, and as what.</summary>
    public DocumentVerdict Check(ReadOnlyMemory<byte> content, string fileName)
    {
        if (content.Length > MaxBytes)
        {
            return DocumentVerdict.Refused(TooLarge());
        }

        if (content.IsEmpty)
        {
            return DocumentVerdict.Refused(new DocumentRefusal(DocumentRefusalCodes.Empty, "The document is empty."));
        }

        var name = SanitizeFileName(fileName);
        if (name is null)
        {
            return DocumentVerdict.Refused(new DocumentRefusal(
                DocumentRefusalCodes.BadName,
                "Nothing of the file name is left once path parts and control characters are removed; name the document plainly, such as report.pdf."));
        }

        var extension = Path.GetExtension(name);
        if (!KindsByExtension.TryGetValue(extension, out var named))
        {
            return DocumentVerdict.Refused(new DocumentRefusal(
                DocumentRefusalCodes.TypeNotAllowed,
                extension.Length == 0
                    ? $"Only {AllowedTypes} documents are accepted, named with their extension; this name has none."
                    : $"Only {AllowedTypes} documents are accepted; a name ending in '{extension}' is not."));
        }

        if (Detect(content) is not { } detected)
        {
            return DocumentVerdict.Refused(new DocumentRefusal(
                DocumentRefusalCodes.TypeNotAllowed,
                $"The content is not of an accepted type ({AllowedTypes}): executables, web pages, SVG, scripts, documents with macros and unknown content are refused whatever their name."));
        }

        if (detected != named)
        {
            return DocumentVerdict.Refused(new DocumentRefusal(
                DocumentRefusalCodes.TypeMismatch,
                $"The content is {Describe(detected)}, but the name's extension '{extension}' says {Describe(named)}; upload it under the extension of what it is."));
        }

        return DocumentVerdict.Allowed(ContentType(detected, extension), name);
    }

    /// <summary>The refusal of a document larger than <see cref="MaxBytes"/>, for a caller that stops reading it early.</summary>
    public DocumentRefusal TooLarge()
    {
        var limit = MaxBytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{MaxBytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{MaxBytes:N0} bytes");
        return new DocumentRefusal(DocumentRefusalCodes.TooLarge, $"The document is larger than the limit of {limit}.");
    }

    /// <summary>
    /// The file name as it is kept: its last path segment, without control or formatting characters
    /// (such as the right-to-left override that disguises <c>exe.pdf</c>), the characters Windows
    /// reserves replaced by <c>_</c>, without surrounding spaces and dots, and at most
    /// <see cref="MaxFileNameLength"/> characters. Null when nothing is left.
    /// </summary>
    public static string? SanitizeFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        var segment = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(segment.Length);
        foreach (var rune in segment.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.OtherNotAssigned || rune == Rune.ReplacementChar)
            {
                continue;
            }

            if (rune.IsAscii && Array.IndexOf(ReservedCharacters, (char)rune.Value) >= 0)
            {
                kept.Append('_');
            }
            else
            {
                kept.Append(rune.ToString());
            }
        }

        var name = kept.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return null;
        }

        if (name.Length <= MaxFileNameLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name) is { Length: <= LongestKeptExtension } e ? e : string.Empty;
        var stemLength = MaxFileNameLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return string.Concat(name.AsSpan(0, stemLength).TrimEnd(), extension);
    }

    private static DocumentKind? Detect(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith(PdfSignature))
        {
            return DocumentKind.Pdf;
        }

        if (bytes.StartsWith(PngSignature))
        {
            return DocumentKind.Png;
        }

        if (bytes.StartsWith(JpegSignature))
        {
            return DocumentKind.Jpeg;
        }

        if (bytes.StartsWith(ZipSignature))
        {
            return DetectOfficeDocument(content);
        }

        if (bytes.StartsWith(WindowsExecutableSignature) || bytes.StartsWith(ElfSignature))
        {
            return null;
        }

        return IsPlainText(bytes) ? DocumentKind.Text : null;
    }

    /// <summary>
    /// A Word or Excel document is a readable ZIP whose <c>[Content_Types].xml</c> names the main part of
    /// one, without macros; any other ZIP (an archive, a presentation, a macro-enabled workbook) is not.
    /// </summary>
    private static DocumentKind? DetectOfficeDocument(ReadOnlyMemory<byte> content)
    {
        try
        {
            var bytes = MemoryMarshal.TryGetArray(content, out var segment) ? segment : new ArraySegment<byte>(content.ToArray());
            using var zip = new ZipArchive(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry(ContentTypesEntry) is not { } entry)
            {
                return null;
            }

            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxContentTypesChars,
                CloseInput = true,
            };
            using var xml = XmlReader.Create(entry.Open(), settings);
            var mainParts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.GetAttribute("ContentType") is not { } partType)
                {
                    continue;
                }

                if (string.Equals(partType, VbaProjectPart, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                if (partType.EndsWith(".main+xml", StringComparison.OrdinalIgnoreCase))
                {
                    mainParts.Add(partType);
                }
            }

            if (mainParts.Count != 1)
            {
                return null;
            }

            var main = mainParts.Single();
            if (string.Equals(main, WordMainPart, StringComparison.OrdinalIgnoreCase))
            {
                return DocumentKind.Docx;
            }

            return string.Equals(main, ExcelMainPart, StringComparison.OrdinalIgnoreCase) ? DocumentKind.Xlsx : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or XmlException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// UTF-8 without NUL bytes that does not open like markup: a browser that guessed would take text
    /// beginning with <c>&lt;</c> for HTML, SVG or XML, so such text is refused, not stored.
    /// </summary>
    private static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0) || !Utf8.IsValid(bytes))
        {
            return false;
        }

        var body = bytes.StartsWith(Utf8ByteOrderMark) ? bytes[Utf8ByteOrderMark.Length..] : bytes;
        var start = body.IndexOfAnyExcept(" \t\r\n\f"u8);
        return start < 0 || body[start] != (byte)'<';
    }

    private static string ContentType(DocumentKind kind, string extension) => kind switch
    {
        DocumentKind.Pdf => DocumentContentTypes.Pdf,
        DocumentKind.Png => DocumentContentTypes.Png,
        DocumentKind.Jpeg => DocumentContentTypes.Jpeg,
        DocumentKind.Docx => DocumentContentTypes.Docx,
        DocumentKind.Xlsx => DocumentContentTypes.Xlsx,
        _ => string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase) ? DocumentContentTypes.Csv : DocumentContentTypes.PlainText,
    };

    private static string Describe(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "a PDF",
        DocumentKind.Png => "a PNG image",
        DocumentKind.Jpeg => "a JPEG image",
        DocumentKind.Docx => "a Word document",
        DocumentKind.Xlsx => "an Excel workbook",
        _ => "plain text",
    };

    private enum DocumentKind
    {
        Pdf,
        Png,
        Jpeg,
        Docx,
        Xlsx,
        Text,
    }
}
