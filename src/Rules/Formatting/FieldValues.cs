using System.Globalization;

namespace Inspection.Rules.Formatting;

/// <summary>Reads and writes field values in the invariant form the registries use.</summary>
internal static class FieldValues
{
    public static decimal? Number(string? raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A <c>yyyy-MM-dd</c> date, or null when the text is not one (or not a day of the calendar).</summary>
    public static DateOnly? Date(string? raw) =>
        raw is { Length: 10 } && raw[4] == '-' && raw[7] == '-'
            ? Day(Digits(raw, 0, 4), Digits(raw, 5, 2), Digits(raw, 8, 2))
            : null;

    /// <summary>The first day of a <c>yyyy-MM</c> period, or null when there is no such period.</summary>
    public static DateOnly? PeriodStart(string? period) =>
        period is { Length: 7 } && period[4] == '-' ? Day(Digits(period, 0, 4), Digits(period, 5, 2), 1) : null;

    // Rules read dates on every evaluation of every enterprise: parsed by hand, they cost a few
    // comparisons instead of a culture-aware format parser's work (which showed in the ingestion profile).
    private static DateOnly? Day(int year, int month, int day) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <returns>The number written by <paramref name="count"/> ASCII digits from <paramref name="start"/>, or -1.</returns>
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    // Computed values keep at most ten decimals and no trailing zeros: 0.4m * 100 is "40", not "40.0".
    public static string Invariant(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Invariant(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
