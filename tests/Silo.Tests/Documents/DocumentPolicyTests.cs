using System.Text;
using Inspection.Contracts.Documents;
using Inspection.Silo.Documents;
using Inspection.Silo.Tests.Support;
using Microsoft.Extensions.Options;
using static Inspection.Silo.Tests.Support.SampleDocuments;

namespace Inspection.Silo.Tests.Documents;

public sealed class DocumentPolicyTests
{
    private const int MaxBytes = 1024;

    private readonly DocumentPolicy _policy = new(Options.Create(new DocumentOptions { MaxBytes = MaxBytes }));

    public static TheoryData<string, byte[], string> Allowed => new()
    {
        { "bien-ban.pdf", Pdf, DocumentContentTypes.Pdf },
        { "SCAN.PDF", Pdf, DocumentContentTypes.Pdf },
        { "hoa-don.png", Png, DocumentContentTypes.Png },
        { "anh.jpg", Jpeg, DocumentContentTypes.Jpeg },
        { "anh.jpeg", Jpeg, DocumentContentTypes.Jpeg },
        { "giai-trinh.docx", Docx, DocumentContentTypes.Docx },
        { "so-lieu.xlsx", Xlsx, DocumentContentTypes.Xlsx },
        { "ghi-chu.txt", Text, DocumentContentTypes.PlainText },
        { "doanh-thu.csv", Csv, DocumentContentTypes.Csv },
    };

    public static TheoryData<string, byte[]> NotAllowedContent => new()
    {
        { "invoice.pdf", WindowsExecutable },
        { "readme.txt", TextualWindowsExecutable },
        { "invoice.pdf", Elf },
        { "invoice.pdf", Html },
        { "notes.txt", Html },
        { "chart.png", Svg },
        { "letter.docx", Docm },
        { "letter.docx", PlainZip },
        { "letter.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] },
        { "notes.txt", [0x61, 0x62, 0x00, 0x63] },
        { "notes.txt", [0x61, 0xC3, 0x28] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_allowed_type_is_allowed_as_the_type_its_content_shows(string fileName, byte[] content, string contentType)
    {
        var verdict = _policy.Check(content, fileName);

        Assert.True(verdict.IsAllowed, verdict.Refusal?.Message);
        Assert.Equal(contentType, verdict.ContentType);
        Assert.Equal(fileName, verdict.FileName);
    }

    [Theory]
    [MemberData(nameof(NotAllowedContent))]
    public void Executables_markup_macros_and_unknown_content_are_refused_whatever_their_name(string fileName, byte[] content)
    {
        AssertRefused(DocumentRefusalCodes.TypeNotAllowed, _policy.Check(content, fileName));
    }

    [Theory]
    [InlineData("invoice.exe")]
    [InlineData("invoice.html")]
    [InlineData("invoice.svg")]
    [InlineData("invoice.pdf.js")]
    [InlineData("invoice")]
    public void A_name_with_an_extension_not_on_the_list_is_refused_even_with_allowed_content(string fileName)
    {
        AssertRefused(DocumentRefusalCodes.TypeNotAllowed, _policy.Check(Pdf, fileName));
    }

    [Theory]
    [InlineData("photo.pdf", "png")]
    [InlineData("scan.jpg", "pdf")]
    [InlineData("report.xlsx", "docx")]
    [InlineData("notes.pdf", "txt")]
    [InlineData("figures.csv", "xlsx")]
    public void Content_of_one_allowed_type_named_as_another_is_a_mismatch(string fileName, string actual)
    {
        var content = actual switch
        {
            "png" => Png,
            "pdf" => Pdf,
            "docx" => Docx,
            "xlsx" => Xlsx,
            _ => Text,
        };

        AssertRefused(DocumentRefusalCodes.TypeMismatch, _policy.Check(content, fileName));
    }

    [Fact]
    public void An_empty_document_is_refused()
    {
        AssertRefused(DocumentRefusalCodes.Empty, _policy.Check(ReadOnlyMemory<byte>.Empty, "empty.pdf"));
    }

    [Fact]
    public void A_document_over_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        var atLimit = new byte[MaxBytes];
        Pdf.CopyTo(atLimit, 0);
        var overLimit = new byte[MaxBytes + 1];
        Pdf.CopyTo(overLimit, 0);

        Assert.True(_policy.Check(atLimit, "big.pdf").IsAllowed);
        var refusal = AssertRefused(DocumentRefusalCodes.TooLarge, _policy.Check(overLimit, "big.pdf"));
        Assert.Contains("1,024 bytes", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("20 MiB", new DocumentPolicy(Options.Create(new DocumentOptions())).TooLarge().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData(@"C:\Users\ke-toan\Desktop\so lieu.txt", "so lieu.txt")]
    [InlineData("..\\..\\windows\\notes.txt", "notes.txt")]
    [InlineData("  bao\u0000cao\u0007.txt  ", "baocao.txt")]
    [InlineData("invoice\u202Etxt.exe\u202C.txt", "invoicetxt.exe.txt")]
    [InlineData("what?*\"<x>\"|:.txt", "what____x____.txt")]
    [InlineData("notes.txt...", "notes.txt")]
    public void The_file_name_loses_its_path_parts_and_control_characters(string fileName, string kept)
    {
        var verdict = _policy.Check(Text, fileName);

        Assert.True(verdict.IsAllowed, verdict.Refusal?.Message);
        Assert.Equal(kept, verdict.FileName);
    }

    [Fact]
    public void A_long_file_name_is_shortened_to_200_characters_and_keeps_its_extension()
    {
        var verdict = _policy.Check(Pdf, new string('a', 300) + ".pdf");

        Assert.True(verdict.IsAllowed, verdict.Refusal?.Message);
        Assert.Equal(DocumentPolicy.MaxFileNameLength, verdict.FileName.Length);
        Assert.EndsWith("a.pdf", verdict.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Shortening_a_name_does_not_split_a_character_outside_the_basic_plane()
    {
        var name = DocumentPolicy.SanitizeFileName(new string('a', 195) + string.Concat(Enumerable.Repeat("😀", 10)) + ".pdf");

        Assert.NotNull(name);
        Assert.True(name.Length <= DocumentPolicy.MaxFileNameLength);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        // A strict encoder throws on a lone surrogate.
        Assert.NotEmpty(new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../../")]
    [InlineData("..")]
    [InlineData("dir/")]
    [InlineData("\u0000\u0001\u202E")]
    public void A_name_with_nothing_usable_left_is_refused(string fileName)
    {
        AssertRefused(DocumentRefusalCodes.BadName, _policy.Check(Pdf, fileName));
    }

    private static DocumentRefusal AssertRefused(string code, DocumentVerdict verdict)
    {
        Assert.False(verdict.IsAllowed);
        Assert.Null(verdict.ContentType);
        Assert.Equal(code, verdict.Refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Refusal.Message));
        return verdict.Refusal;
    }
}
