using System.Globalization;
using System.Text.RegularExpressions;

namespace Inspection.Silo.Plans;

/// <summary>When a plan entry is to be carried out: a quarter (<c>2026-Q2</c>) or a month (<c>2026-05</c>).</summary>
public static partial class PlanTiming
{
    /// <summary>The first and last day of the quarter or month <paramref name="text"/> names, or false when it names neither.</summary>
    public static bool TryParse(string? text, out DateOnly from, out DateOnly to)
    {
        (from, to) = (default, default);
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["quarter"].Success)
        {
            from = new DateOnly(year, (int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) * 3) - 2, 1);
            to = from.AddMonths(3).AddDays(-1);
        }
        else
        {
            from = new DateOnly(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), 1);
            to = from.AddMonths(1).AddDays(-1);
        }

        return true;
    }

    /// <summary>The quarters that share a day with [from, to], in order.</summary>
    public static IReadOnlyList<string> QuartersOf(DateOnly from, DateOnly to)
    {
        var quarters = new List<string>();
        for (var start = new DateOnly(from.Year, (((from.Month - 1) / 3) * 3) + 1, 1); start <= to; start = start.AddMonths(3))
        {
            quarters.Add(string.Create(CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}"));
        }

        return quarters;
    }

    [GeneratedRegex(@"^(?<year>20\d{2})-(?:Q(?<quarter>[1-4])|(?<month>0[1-9]|1[0-2]))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
