using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Inspection.RegistrySimulator.Data;

/// <summary>A calendar month, stored as months since January of year 0 so that it fits in four bytes.</summary>
internal readonly record struct YearMonth(int Index) : IComparable<YearMonth>
{
    public static YearMonth Of(int year, int month) => new(year * 12 + month - 1);

    public static YearMonth Of(DateOnly date) => Of(date.Year, date.Month);

    public int Year => Index / 12;

    public int Month => Index % 12 + 1;

    public DateOnly FirstDay => new(Year, Month, 1);

    public YearMonth Next => new(Index + 1);

    public YearMonth Plus(int months) => new(Index + months);

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth left, YearMonth right) => left.Index < right.Index;

    public static bool operator >(YearMonth left, YearMonth right) => left.Index > right.Index;

    public static bool operator <=(YearMonth left, YearMonth right) => left.Index <= right.Index;

    public static bool operator >=(YearMonth left, YearMonth right) => left.Index >= right.Index;

    public override string ToString() => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out YearMonth? month)
    {
        month = DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Of(date)
            : null;
        return month is not null;
    }
}
