using System.IO.Compression;
using System.Text;

namespace Inspection.Silo.Tests.Support;

/// <summary>Tiny but real files of each kind the document policy knows, made here rather than checked in.</summary>
public static class SampleDocuments
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    public static byte[] Docx { get; } = Office(WordMain, "/word/document.xml");

    public static byte[] Xlsx { get; } = Office(ExcelMain, "/xl/workbook.xml");

    /// <summary>A Word document with macros (.docm), whatever it is named.</summary>
    public static byte[] Docm { get; } = Office("application/vnd.ms-word.document.macroEnabled.main+xml", "/word/document.xml");

    /// <summary>A ZIP archive that is no Office document: it has no <c>[Content_Types].xml</c>.</summary>
    public static byte[] PlainZip { get; } = Zip(("report.pdf", Encoding.ASCII.GetString(Pdf)));

    public static byte[] Text { get; } = Encoding.UTF8.GetBytes("Biên bản làm việc với doanh nghiệp\nNgày 01/12/2026\n");

    public static byte[] Csv { get; } = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("mã số thuế,doanh thu\n0314409058,1200000000\n")];

    /// <summary>The start of a Windows executable: <c>MZ</c>, then a DOS stub.</summary>
    public static byte[] WindowsExecutable { get; } = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>An executable that is also valid text: <c>MZ</c> alone does not make it text.</summary>
    public static byte[] TextualWindowsExecutable { get; } = Encoding.ASCII.GetBytes("MZ this program cannot be run in DOS mode");

    public static byte[] Elf { get; } = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00];

    public static byte[] Html { get; } = Encoding.UTF8.GetBytes("\n  <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] Svg { get; } = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

    private static byte[] Office(string mainType, string mainPart) => Zip(
        ("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + $"<Override PartName=\"{mainPart}\" ContentType=\"{mainType}\"/>"
            + "</Types>"),
        (mainPart[1..], "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root/>"));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
