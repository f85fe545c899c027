using System.Globalization;
using Inspection.Contracts.Reports;

namespace Inspection.Silo.Reports;

/// <summary>
/// One period of a template's frequency, named by its last month (<c>2026-06</c> for the first half of
/// 2026): the months it spans, its days, the one before it, and when its report is due.
/// </summary>
public readonly record struct ReportPeriod(string Name, DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Whether the registry period <paramref name="month"/> (<c>yyyy-MM</c>) falls within this period.</summary>
    public bool Holds(string? month) =>
        month is not null && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && day >= Start && day <= End;

    public DateOnly DueDate(ReportTemplate template) => End.AddDays(template.DueDaysAfterPeriod);

    /// <summary>The period before this one, of the same frequency.</summary>
    public ReportPeriod Previous(string frequency) => Of(frequency, Start.AddDays(-1));

    /// <summary>Reads a period name for a frequency; false with the reason when it is not one.</summary>
    public static bool TryParse(string frequency, string? name, out ReportPeriod period, out string error)
    {
        period = default;
        var months = ReportFrequencies.MonthsOf(frequency);
        if (name is null || !DateOnly.TryParseExact(name + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            error = "The period is its last month, yyyy-MM.";
            return false;
        }

        if (months == 0 || first.Month % months != 0)
        {
            error = $"A {frequency} report's period ends in month {string.Join(", ", Enumerable.Range(1, 12 / Math.Max(months, 1)).Select(i => i * Math.Max(months, 1)))}.";
            return false;
        }

        period = Of(frequency, first);
        error = string.Empty;
        return true;
    }

    /// <summary>The period of the frequency that holds <paramref name="day"/>.</summary>
    public static ReportPeriod Of(string frequency, DateOnly day)
    {
        var months = ReportFrequencies.MonthsOf(frequency);
        var lastMonth = ((day.Month - 1) / months + 1) * months;
        var end = new DateOnly(day.Year, lastMonth, DateTime.DaysInMonth(day.Year, lastMonth));
        var start = new DateOnly(day.Year, lastMonth - months + 1, 1);
        return new ReportPeriod(end.ToString("yyyy-MM", CultureInfo.InvariantCulture), start, end);
    }
}
