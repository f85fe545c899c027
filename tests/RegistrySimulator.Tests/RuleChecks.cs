using System.Globalization;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>
/// The sixteen rules of the shipped rule pack, written again from docs/REGISTRIES.md so that the simulator's
/// planted violations are checked against the doc rather than against the simulator's own idea of them.
/// </summary>
public static class RuleChecks
{
    /// <summary>How far back the calendar rules look: the latest 24 months (four half years) of a span.</summary>
    private const int CalendarMonths = 24;

    public sealed record Finding(string EnterpriseCode, string RuleId, string Period);

    /// <param name="snapshot">The records, latest versions.</param>
    /// <param name="asOf">The assessment date the calendar rules judge deadlines by; today (UTC) when not given.</param>
    public static HashSet<Finding> Evaluate(RegistrySnapshot snapshot, DateOnly? asOf = null)
    {
        var today = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var findings = new HashSet<Finding>();
        foreach (var ((code, period), vat) in snapshot.VatReturns)
        {
            if (vat.FiledOn > vat.DueDate)
            {
                findings.Add(new(code, "TAX-LATE-FILING", period));
            }

            if (vat.OverdueDays > 30)
            {
                findings.Add(new(code, "TAX-DEBT-OVERDUE", period));
            }

            if (vat.Revenue > 0 && vat.OutputVat * 20 < vat.Revenue)
            {
                findings.Add(new(code, "TAX-OUTPUT-VAT-UNDERDECLARED", period));
            }

            if (RevenueCollapsedWithStaff(snapshot, code, period, vat))
            {
                findings.Add(new(code, "TAX-REVENUE-COLLAPSE-WITH-STAFF", period));
            }
        }

        foreach (var ((code, period), contribution) in snapshot.Contributions)
        {
            if (contribution.MonthsInArrears >= 2)
            {
                findings.Add(new(code, "BHXH-ARREARS", period));
            }

            if (snapshot.VatReturns.TryGetValue((code, period), out var vat)
                && vat.PayrollHeadcount >= 10
                && contribution.InsuredHeadcount * 2 < vat.PayrollHeadcount)
            {
                findings.Add(new(code, "BHXH-INSURED-BELOW-PAYROLL", period));
            }
        }

        foreach (var ((code, period), report) in snapshot.WorkforceReports)
        {
            if (report.SubmittedOn > report.DueDate)
            {
                findings.Add(new(code, "LABOUR-REPORT-LATE", period));
            }

            if (report.ReportedWorkforce >= 10
                && snapshot.Contributions.TryGetValue((code, period), out var contribution)
                && contribution.InsuredHeadcount * 10 < report.ReportedWorkforce * 7)
            {
                findings.Add(new(code, "LABOUR-WORKFORCE-NOT-INSURED", period));
            }
        }

        foreach (var (code, period, accident) in snapshot.Accidents.Values)
        {
            if (accident.SeriousInjuries + accident.Fatalities >= 2 && accident.Declaration != "immediate")
            {
                findings.Add(new(code, "LABOUR-ACCIDENT-NOT-DECLARED", period));
            }
        }

        foreach (var ((code, period), summary) in snapshot.MonitoringSummaries)
        {
            if (summary.HoursOverLimit >= 3)
            {
                findings.Add(new(code, "ENV-PARAMETER-OVER-LIMIT", period));
            }

            if (summary.UptimePercent < 90)
            {
                findings.Add(new(code, "ENV-TRANSMISSION-GAP", period));
            }
        }

        var returnsByEnterprise = snapshot.VatReturns.ToLookup(entry => entry.Key.Code);
        var summariesByEnterprise = snapshot.MonitoringSummaries.ToLookup(entry => entry.Key.Code);
        foreach (var (code, registration) in snapshot.Registrations)
        {
            var rule = registration.Status switch
            {
                "dissolved" => "TAX-INVOICES-AFTER-DISSOLUTION",
                "suspended" => "TAX-INVOICES-DURING-SUSPENSION",
                _ => null,
            };
            if (rule is null)
            {
                continue;
            }

            var statusMonth = registration.StatusSince.ToString("yyyy-MM");
            foreach (var ((_, period), vat) in returnsByEnterprise[code])
            {
                if (string.CompareOrdinal(period, statusMonth) >= 0 && vat.InvoicesIssued > 0)
                {
                    findings.Add(new(code, rule, period));
                }
            }

            if (registration.Status != "suspended")
            {
                continue;
            }

            foreach (var ((_, period), summary) in summariesByEnterprise[code])
            {
                if (string.CompareOrdinal(period, statusMonth) >= 0 && summary.DischargeM3 > 0)
                {
                    findings.Add(new(code, "ENV-DISCHARGE-DURING-SUSPENSION", period));
                }
            }
        }

        AddMissingFilings(snapshot, today, findings);
        return findings;
    }

    /// <summary>
    /// Revenue more than 60% below the mean of the three months before (returns for all three), while the
    /// month's contribution insures 10 or more, and no fewer than the mean insured in those months.
    /// </summary>
    private static bool RevenueCollapsedWithStaff(RegistrySnapshot snapshot, string code, string period, RegistrySnapshot.VatReturn vat)
    {
        var before = Enumerable.Range(1, 3).Select(back => PeriodOf(StartOf(period).AddMonths(-back))).ToList();
        if (!before.All(month => snapshot.VatReturns.ContainsKey((code, month)))
            || !snapshot.Contributions.TryGetValue((code, period), out var contribution)
            || contribution.InsuredHeadcount < 10)
        {
            return false;
        }

        var insuredBefore = before
            .Where(month => snapshot.Contributions.ContainsKey((code, month)))
            .Select(month => (double)snapshot.Contributions[(code, month)].InsuredHeadcount)
            .ToList();
        return vat.Revenue < 0.4 * before.Average(month => (double)snapshot.VatReturns[(code, month)].Revenue)
            && insuredBefore.Count > 0
            && contribution.InsuredHeadcount >= insuredBefore.Average();
    }

    /// <summary>
    /// The calendar rules. For an enterprise whose registration is active, each month of the span of its records'
    /// periods (the latest 24 up to the assessment date's month) from the first one on or after its registration:
    /// no VAT return once ten days have passed after the due date (day 20 of the next month); in June and
    /// December, no workforce report once ten days have passed after its due date (day 5 of that month).
    /// </summary>
    private static void AddMissingFilings(RegistrySnapshot snapshot, DateOnly asOf, HashSet<Finding> findings)
    {
        var spans = snapshot.Spans();
        foreach (var (code, registration) in snapshot.Registrations)
        {
            if (registration.Status != "active" || !spans.TryGetValue(code, out var span))
            {
                continue;
            }

            var last = StartOf(span.Last) < StartOf(asOf) ? StartOf(span.Last) : StartOf(asOf);
            var first = StartOf(span.First) > last.AddMonths(1 - CalendarMonths) ? StartOf(span.First) : last.AddMonths(1 - CalendarMonths);
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                if (registration.RegisteredOn > month)
                {
                    continue;
                }

                var period = PeriodOf(month);
                if (!snapshot.VatReturns.ContainsKey((code, period)) && month.AddMonths(1).AddDays(19 + 10) < asOf)
                {
                    findings.Add(new(code, "TAX-RETURN-MISSING", period));
                }

                if (month.Month is 6 or 12 && !snapshot.WorkforceReports.ContainsKey((code, period)) && month.AddDays(4 + 10) < asOf)
                {
                    findings.Add(new(code, "LABOUR-REPORT-MISSING", period));
                }
            }
        }
    }

    private static DateOnly StartOf(string period) => DateOnly.ParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly StartOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static string PeriodOf(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
