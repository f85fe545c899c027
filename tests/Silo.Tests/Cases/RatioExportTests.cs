using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Inspection.Api.Ratio;
using Inspection.Contracts.Ratio;
using Inspection.Silo.Documents;
using Microsoft.Extensions.Options;

namespace Inspection.Silo.Tests.Cases;

public class RatioExportTests
{
    private static readonly RatioRow[] Rows =
    [
        new("2025", "agency", "Thanh tra Sở Tài chính, Hà Nội", 4, 3, 0.75, 0.5, 3, 2, 0.6667, 1, 0, 0.0),
        new("2025", "agency", "=HYPERLINK(\"http://x\")", 1, 0, 0.0, 0.5, 0, 0, null, 1, 1, 1.0),
    ];

    [Fact]
    public void The_csv_has_a_header_one_line_a_row_invariant_numbers_and_no_formula_a_spreadsheet_would_run()
    {
        var bytes = RatioExport.Csv(Rows);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RatioExport.Headers), lines[0]);
        Assert.Equal("2025,agency,\"Thanh tra Sở Tài chính, Hà Nội\",4,3,0.75,0.5,3,2,0.6667,1,0,0", lines[1]);
        Assert.Equal("2025,agency,\"'=HYPERLINK(\"\"http://x\"\")\",1,0,0,0.5,0,0,,1,1,1", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void The_workbook_holds_the_same_cells_and_is_a_document_the_platform_itself_would_accept()
    {
        var bytes = RatioExport.Xlsx(Rows);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal(RatioExport.Headers, rows[0].Elements<Cell>().Select(c => c.InnerText));
            var first = rows[1].Elements<Cell>().ToList();
            Assert.Equal(("Thanh tra Sở Tài chính, Hà Nội", "0.75", CellValues.Number), (first[2].InnerText, first[5].InnerText, first[5].DataType!.Value));
            Assert.Equal(string.Empty, rows[2].Elements<Cell>().ElementAt(9).InnerText);
        }

        var verdict = new DocumentPolicy(Options.Create(new DocumentOptions())).Check(bytes, "ratio.xlsx");
        Assert.True(verdict.IsAllowed, verdict.Refusal?.Message);
        Assert.Equal(RatioExport.XlsxType, verdict.ContentType);
    }
}
