using System.Globalization;
using System.Runtime.CompilerServices;

namespace Inspection.Rules.Evaluation;

/// <summary>Periods (<c>yyyy-MM</c>) as month numbers, so that windows and calendars count months.</summary>
internal static class Periods
{
    /// <summary>The month number of a fact without a period.</summary>
    public const int None = int.MinValue;

    /// <summary>The day number of a fact without a period (<see cref="FactLayout.Day"/>): after every day.</summary>
    public const int Absent = int.MaxValue;

    private const int Years = 10_000;

    // Calendar periods, made once per process and shared (they are immutable): a calendar rule walks
    // the same few months for every enterprise, which would otherwise cost a fact and two strings each.
    // Filled lazily, a year at a time; two threads making the same year make equal facts, and either wins.
    private static readonly Fact?[][] Months = new Fact?[Years][];
    private static readonly Fact?[][] HalfYears = new Fact?[Years][];

    // Days of a common year before each month.
    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    /// <summary>Months since the start of year 0: consecutive months have consecutive numbers.</summary>
    public static int Index(DateOnly? periodStart) => periodStart is { } start ? (start.Year * 12) + start.Month - 1 : None;

    /// <summary>
    /// The day number (<see cref="DateOnly.DayNumber"/>) of the first day of a month number of years 1 to
    /// 9999, counted here rather than through <see cref="DateOnly"/>'s checks: calendar rules ask for it for
    /// every month they walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstDay(int index)
    {
        var (year, month) = ((uint)index / 12, (uint)index % 12);
        var before = year - 1;
        var days = (before * 365) + (before / 4) - (before / 100) + (before / 400) + (uint)DaysBeforeMonth[month];
        var leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        return (int)(month >= 2 && leap ? days + 1 : days);
    }

    /// <summary>The <c>yyyy-MM</c> period of a month number.</summary>
    public static string Name(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{index / 12:D4}-{(index % 12) + 1:D2}");

    /// <summary>
    /// A period with no record: a month (or half year, <see cref="RecordSource.HalfYears"/>) a calendar
    /// rule judges, for a month number of a calendar date (years 1 to 9999). The same instance every time.
    /// </summary>
    public static Fact CalendarPeriod(bool halfYear, int index)
    {
        var (year, month) = (index / 12, index % 12);
        var years = halfYear ? HalfYears : Months;
        var months = Volatile.Read(ref years[year]);
        if (months is null)
        {
            Interlocked.CompareExchange(ref years[year], new Fact?[12], null);
            months = years[year];
        }

        if (Volatile.Read(ref months[month]) is { } known)
        {
            return known;
        }

        var name = string.Intern(Name(index));
        var period = new Fact(RecordSource.CalendarRegistry, halfYear ? RecordSource.HalfYears : RecordSource.Months, Language.RecordShape.NoOrdinal, name, 0, name, [], []);
        return Interlocked.CompareExchange(ref months[month], period, null) ?? period;
    }
}
