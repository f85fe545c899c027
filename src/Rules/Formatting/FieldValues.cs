using System.Globalization;

namespace Inspection.Rules.Formatting;

/// <summary>Reads and writes field values in the invariant form the registries use.</summary>
internal static class FieldValues
{
    /// <summary>The largest magnitude below which every whole number is exact in a double and is written without decimals.</summary>
    private const double ExactIntegers = 9_007_199_254_740_992d;

    /// <summary>A finite invariant number, or null.</summary>
    public static double? Number(string? raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>A <c>yyyy-MM-dd</c> date, or null when the text is not one (or not a day of the calendar).</summary>
    public static DateOnly? Date(string? raw) =>
        raw is { Length: 10 } && raw[4] == '-' && raw[7] == '-'
            ? Day(Digits(raw, 0, 4), Digits(raw, 5, 2), Digits(raw, 8, 2))
            : null;

    /// <summary>The first day of a <c>yyyy-MM</c> period, or null when there is no such period.</summary>
    public static DateOnly? PeriodStart(string? period) =>
        period is { Length: 7 } && period[4] == '-' ? Day(Digits(period, 0, 4), Digits(period, 5, 2), 1) : null;

    // Parsed by hand: it costs a few comparisons instead of a culture-aware format parser's work, and
    // records are parsed once each as they arrive, by the hundred thousand in a sweep.
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

    /// <summary>
    /// A number in invariant form, or null when it is unknown (NaN) or not finite: whole numbers without
    /// decimals (<c>1250000000</c>), others with at most ten decimals and no trailing zeros (0.4 × 100 is <c>40</c>).
    /// </summary>
    public static string? InvariantNumber(double value) =>
        !double.IsFinite(value) ? null
        : Math.Abs(value) < ExactIntegers && value == Math.Floor(value) ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : Math.Round(value, 10).ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>A day number as <c>yyyy-MM-dd</c>, or null when it is unknown or no day of the calendar.</summary>
    public static string? InvariantDate(double dayNumber) =>
        IsDayNumber(dayNumber) ? DateOnly.FromDayNumber((int)dayNumber).ToString("O", CultureInfo.InvariantCulture) : null;

    /// <summary>Whether a number is the day number of a day of the calendar (what <see cref="InvariantDate"/> can write).</summary>
    public static bool IsDayNumber(double dayNumber) =>
        dayNumber >= DateOnly.MinValue.DayNumber && dayNumber <= DateOnly.MaxValue.DayNumber && dayNumber == Math.Floor(dayNumber);
}
