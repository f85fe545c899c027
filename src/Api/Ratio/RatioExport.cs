using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Inspection.Contracts.Ratio;

namespace Inspection.Api.Ratio;

/// <summary>The ratio's rows as a file for leadership's reports: CSV (UTF-8 with BOM, for Excel) or an XLSX workbook.</summary>
public static class RatioExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The column headers, in English as the API's field names are; the values are numbers, never localised.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["period", "groupBy", "group", "checks", "remote", "remoteShare", "target", "riskBasedChecks", "riskBasedFound", "riskBasedHitRate", "otherChecks", "otherFound", "otherHitRate"];

    public static byte[] Csv(IReadOnlyList<RatioRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', Headers).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', Cells(row).Select(cell => cell switch
            {
                string value => Quote(value),
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                int count => count.ToString(CultureInfo.InvariantCulture),
                _ => string.Empty,
            })).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<RatioRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Line(Headers));
            foreach (var row in rows)
            {
                data.Append(Line(Cells(row)));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "ratio" }));
        }

        return stream.ToArray();
    }

    private static object?[] Cells(RatioRow row) =>
        [row.Period, row.GroupBy, row.Group, row.Checks, row.Remote, row.RemoteShare, row.Target,
         row.RiskBasedChecks, row.RiskBasedFound, row.RiskBasedHitRate, row.OtherChecks, row.OtherFound, row.OtherHitRate];

    private static Row Line(IEnumerable<object?> cells)
    {
        var line = new Row();
        foreach (var cell in cells)
        {
            line.Append(cell switch
            {
                string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
                double number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) },
                int count => new Cell { DataType = CellValues.Number, CellValue = new CellValue(count) },
                _ => new Cell(),
            });
        }

        return line;
    }

    /// <summary>A CSV field, quoted when it must be; a leading formula character is neutralised so a spreadsheet never runs it.</summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
