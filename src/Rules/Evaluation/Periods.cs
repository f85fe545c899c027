using System.Globalization;

namespace Inspection.Rules.Evaluation;

/// <summary>Periods (<c>yyyy-MM</c>) as month numbers, so that windows and calendars count months.</summary>
internal static class Periods
{
    /// <summary>The month number of a fact without a period.</summary>
    public const int None = int.MinValue;

    /// <summary>Months since the start of year 0: consecutive months have consecutive numbers.</summary>
    public static int Index(DateOnly? periodStart) => periodStart is { } start ? (start.Year * 12) + start.Month - 1 : None;

    /// <summary>The <c>yyyy-MM</c> period of a month number.</summary>
    public static string Name(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{index / 12:D4}-{(index % 12) + 1:D2}");

    /// <summary>A period with no record: a month (or half year) a calendar rule judges.</summary>
    public static Fact CalendarPeriod(string kind, int index) =>
        new(RecordSource.CalendarRegistry, kind, Name(index), 0, string.Intern(Name(index)), [], []);
}
