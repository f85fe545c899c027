using System.Globalization;
using Inspection.Rules.Language;

namespace Inspection.Rules.Formatting;

/// <summary>Formats values for explanations the way each language's readers write them.</summary>
internal static class ValueFormatter
{
    public const string Missing = "—";

    // Built by hand rather than from vi-VN culture data, so that explanations read the same on every
    // host, including those running with invariant globalization.
    private static readonly NumberFormatInfo ViNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly NumberFormatInfo EnNumbers = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    /// <summary>A number as 1.250.000.000 / 0,5 (vi) or 1,250,000,000 / 0.5 (en); a date as 18/04/2026 (vi) or 2026-04-18 (en).</summary>
    public static string Format(string raw, FieldType type, TemplateLanguage language) => type switch
    {
        FieldType.Number when FieldValues.Number(raw) is { } number => Number(number, language == TemplateLanguage.Vi ? ViNumbers : EnNumbers),
        FieldType.Date when FieldValues.Date(raw) is { } date => language == TemplateLanguage.Vi ? ViDate(date) : date.ToString("O", CultureInfo.InvariantCulture),
        _ => raw,
    };

    // Most values are whole (counts, amounts in đồng): the standard format writes them as the custom one
    // would, at a fraction of its cost (adding zero makes a negative zero 0, as the custom format writes it).
    private static string Number(double number, NumberFormatInfo format) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15 ? (number + 0d).ToString("N0", format) : number.ToString("#,##0.##", format);

    private static string ViDate(DateOnly date) => string.Create(10, date, static (text, day) =>
    {
        Digits(text[..2], day.Day);
        text[2] = '/';
        Digits(text.Slice(3, 2), day.Month);
        text[5] = '/';
        Digits(text[6..], day.Year);
    });

    /// <summary>Writes <paramref name="value"/> into all of <paramref name="text"/>, padded with zeros.</summary>
    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10)
        {
            text[i] = (char)('0' + (value % 10));
        }
    }

    /// <summary>
    /// A period as 03/2026 (vi) or March 2026 (en); as a half year, the half holding the month:
    /// 6 tháng đầu năm 2026 / 6 tháng cuối năm 2026 (vi), H1 2026 / H2 2026 (en).
    /// </summary>
    public static string Period(string? period, PeriodFormat format, TemplateLanguage language)
    {
        if (FieldValues.PeriodStart(period) is not { } start)
        {
            return period ?? Missing;
        }

        if (format == PeriodFormat.HalfYear)
        {
            var firstHalf = start.Month <= 6;
            var year = start.Year.ToString(CultureInfo.InvariantCulture);
            return language == TemplateLanguage.Vi
                ? $"6 tháng {(firstHalf ? "đầu" : "cuối")} năm {year}"
                : $"H{(firstHalf ? 1 : 2)} {year}";
        }

        return start.ToString(language == TemplateLanguage.Vi ? "MM/yyyy" : "MMMM yyyy", CultureInfo.InvariantCulture);
    }
}
