namespace Inspection.RegistrySimulator.Tests;

/// <summary>
/// The twelve rules of the shipped rule pack, written again from docs/REGISTRIES.md so that the simulator's
/// planted violations are checked against the doc rather than against the simulator's own idea of them.
/// </summary>
public static class RuleChecks
{
    public sealed record Finding(string EnterpriseCode, string RuleId, string Period);

    public static HashSet<Finding> Evaluate(RegistrySnapshot snapshot)
    {
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

        return findings;
    }
}
