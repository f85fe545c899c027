using System.Globalization;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Ratio;

namespace Inspection.Api.Ratio;

/// <summary>
/// Counts the remote-check ratio by the written rule (<see cref="RatioOptions"/>): per period (year,
/// quarter or month of the conclusion) and per agency, province, sector or overall, the checks, the
/// remote ones, and the hit rates of risk-based and other checks. No I/O.
/// </summary>
public static class RemoteRatio
{
    public static readonly IReadOnlySet<string> Groupings = new HashSet<string>(StringComparer.Ordinal) { "all", "agency", "province", "sector" };
    public static readonly IReadOnlySet<string> Periods = new HashSet<string>(StringComparer.Ordinal) { "year", "quarter", "month" };

    public static IReadOnlyList<RatioRow> Count(IEnumerable<CaseFile> cases, string groupBy, string period, RatioOptions rule)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(rule);
        if (!Groupings.Contains(groupBy) || !Periods.Contains(period))
        {
            throw new ArgumentException($"Group by one of {string.Join(", ", Groupings)}, per {string.Join(", ", Periods)}.");
        }

        return [.. cases
            .Select(file => (File: file, Closed: ClosedOn(file, rule)))
            .Where(check => check.Closed is not null)
            .GroupBy(check => (Period: PeriodOf(check.Closed!.Value, period), Group: GroupOf(check.File, groupBy)))
            .OrderBy(group => group.Key.Period, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Group, StringComparer.Ordinal)
            .Select(group => Row(group.Key.Period, groupBy, group.Key.Group, [.. group.Select(check => check.File)], group.Max(check => check.Closed!.Value).Year, rule))];
    }

    /// <summary>Whether a check counts as remote under the rule.</summary>
    public static bool IsRemote(CaseFile file, RatioOptions rule)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rule);
        if (file.Status != CaseStatuses.Concluded || !rule.RemoteModes.Contains(file.Mode))
        {
            return false;
        }

        return rule.FinalModeOnly || file.ModeChanges.All(change => rule.RemoteModes.Contains(change.From) && rule.RemoteModes.Contains(change.To));
    }

    /// <summary>The target in force in a year: the latest set at or before it; none before the first.</summary>
    public static double? TargetFor(int year, RatioOptions rule) =>
        rule.Targets.Where(target => target.Key <= year).OrderByDescending(target => target.Key).Select(target => (double?)target.Value).FirstOrDefault();

    private static DateOnly? ClosedOn(CaseFile file, RatioOptions rule) => file.Status switch
    {
        CaseStatuses.Concluded => DateOnly.FromDateTime(file.Conclusion!.ConcludedAt.UtcDateTime),
        CaseStatuses.Cancelled when rule.CountCancelled => DateOnly.FromDateTime(file.OpenedAt.UtcDateTime),
        _ => null,
    };

    private static RatioRow Row(string period, string groupBy, string group, IReadOnlyList<CaseFile> checks, int year, RatioOptions rule)
    {
        var remote = checks.Count(file => IsRemote(file, rule));
        var risk = checks.Where(file => file.Selection == CaseSelections.Risk).ToList();
        var other = checks.Where(file => file.Selection != CaseSelections.Risk).ToList();
        return new RatioRow(
            period, groupBy, group, checks.Count, remote, Share(remote, checks.Count), TargetFor(year, rule),
            risk.Count, risk.Count(Found), Share(risk.Count(Found), risk.Count),
            other.Count, other.Count(Found), Share(other.Count(Found), other.Count));
    }

    private static bool Found(CaseFile file) => file.Conclusion is { } conclusion && CaseOutcomes.FoundViolation.Contains(conclusion.Outcome);

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static string GroupOf(CaseFile file, string groupBy) => groupBy switch
    {
        "agency" => file.Agency,
        "province" => file.Province,
        "sector" => file.Sector,
        _ => "all",
    };

    private static string PeriodOf(DateOnly day, string period) => period switch
    {
        "month" => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "quarter" => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{((day.Month - 1) / 3) + 1}"),
        _ => day.Year.ToString(CultureInfo.InvariantCulture),
    };
}
