using System.Globalization;

namespace Inspection.Rules.Formatting;

/// <summary>Reads and writes field values in the invariant form the registries use.</summary>
internal static class FieldValues
{
    public static decimal? Number(string? raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateOnly? Date(string? raw) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>The first day of a <c>yyyy-MM</c> period, or null when there is no such period.</summary>
    public static DateOnly? PeriodStart(string? period) => period is null ? null : Date(period + "-01");

    // Computed values keep at most ten decimals and no trailing zeros: 0.4m * 100 is "40", not "40.0".
    public static string Invariant(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Invariant(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
