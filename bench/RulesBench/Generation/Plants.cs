namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// One way to plant a violation of each of the shipped pack's sixteen rules, as docs/REGISTRIES.md
/// describes the simulator's, so that each rule has something to find. Each plant changes only what
/// its rule is about and keeps clear of the other rules' thresholds, except where one fact breaks two
/// rules (an insured headcount below half the payroll in June is also below 70% of the June report).
/// </summary>
internal static class Plants
{
    public static IReadOnlyList<Plant> All { get; } =
    [
        // Due dates are day 20 of the next month: a late filing must still have reached the registry by the assessment.
        new("TAX-LATE-FILING", Where(month => month.HasVatReturn && month.DueDate < EnterpriseGenerator.AsOf), (_, month, random) =>
        {
            var latest = EnterpriseGenerator.AsOf.DayNumber - month.DueDate.DayNumber;
            month.FiledOn = month.DueDate.AddDays(random.Next(1, Math.Min(45, latest) + 1));
            return month.Period;
        }),
        new("TAX-DEBT-OVERDUE", Where(month => month.HasVatReturn), (_, month, random) =>
        {
            month.OverdueDays = random.Next(31, 181);
            return month.Period;
        }),
        new("BHXH-ARREARS", Where(month => month.HasContribution), (_, month, random) =>
        {
            month.MonthsInArrears = random.Next(2, 5);
            month.ContributionPaid = 0;
            return month.Period;
        }),
        new("BHXH-INSURED-BELOW-PAYROLL", Where(month => month.HasVatReturn && month.PayrollHeadcount >= 10), (_, month, random) =>
        {
            month.InsuredHeadcount = (int)(month.PayrollHeadcount * (0.2 + (random.NextDouble() * 0.25)));
            return month.Period;
        }),
        new("TAX-INVOICES-AFTER-DISSOLUTION", StatusChangeMonths, (plan, month, random) => ChangeStatus(plan, month, random, "dissolved", stopsTrading: false)),
        new("TAX-INVOICES-DURING-SUSPENSION", StatusChangeMonths, (plan, month, random) =>
        {
            // Still invoicing, but the station is off and no labour report comes: only the tax rule fires.
            var period = ChangeStatus(plan, month, random, "suspended", stopsTrading: false);
            foreach (var later in plan.Months.Where(later => later.Start >= month.Start))
            {
                later.HasMonitoringSummary = false;
                later.HasWorkforceReport = false;
            }

            return period;
        }),
        new("LABOUR-REPORT-LATE", Where(month => month.HasWorkforceReport), (_, month, random) =>
        {
            month.WorkforceSubmittedOn = month.WorkforceDueDate.AddDays(random.Next(1, 31));
            return month.Period;
        }),
        new("LABOUR-WORKFORCE-NOT-INSURED", Where(month => month.HasWorkforceReport && month.HasContribution), (_, month, random) =>
        {
            // Declares far more workers than it insures; at least 10, so that the rule applies.
            month.ReportedWorkforce = Math.Max(10, (int)Math.Ceiling(month.PayrollHeadcount * (1.5 + random.NextDouble())));
            return month.Period;
        }),
        new("LABOUR-ACCIDENT-NOT-DECLARED", plan => plan.Months, (plan, month, random) =>
        {
            var fatalities = random.Next(0, 3);
            var seriousInjuries = random.Next(Math.Max(0, 2 - fatalities), 4);
            plan.Accidents.Add(new AccidentPlan(month.Start.AddDays(random.Next(0, 28)), seriousInjuries, fatalities, random.Next(2) == 0 ? "late" : "none"));
            return month.Period;
        }),
        new("ENV-PARAMETER-OVER-LIMIT", Where(month => month.HasMonitoringSummary), (_, month, random) =>
        {
            month.HoursOverLimit = random.Next(3, 61);
            month.CodMax = Math.Round(EnterpriseGenerator.CodLimit * (1.1 + (random.NextDouble() * 0.7)), 1);
            return month.Period;
        }),
        new("ENV-TRANSMISSION-GAP", Where(month => month.HasMonitoringSummary), (_, month, random) =>
        {
            month.UptimePercent = Math.Round(50 + (random.NextDouble() * 39.8), 1);
            return month.Period;
        }),
        new("ENV-DISCHARGE-DURING-SUSPENSION", plan => plan.HasStation ? StatusChangeMonths(plan) : [], (plan, month, random) =>
        {
            // Files dormant returns, but the station still measures wastewater going out.
            var period = ChangeStatus(plan, month, random, "suspended", stopsTrading: true);
            foreach (var later in plan.Months.Where(later => later.Start >= month.Start))
            {
                later.HasMonitoringSummary = true;
            }

            return period;
        }),
        new("TAX-RETURN-MISSING", plan => IsActive(plan)
            ? [.. plan.Months.Where(month => month.HasVatReturn && month.Start >= plan.RegisteredOn && month.Start.AddMonths(1).AddDays(29) < EnterpriseGenerator.AsOf)]
            : [], (_, month, _) =>
        {
            month.HasVatReturn = false;
            return month.Period;
        }),
        new("TAX-OUTPUT-VAT-UNDERDECLARED", Where(month => month.HasVatReturn && month.Revenue > 0), (_, month, random) =>
        {
            month.OutputVat = EnterpriseGenerator.Thousands(month.Revenue * (0.005 + (random.NextDouble() * 0.04)));
            return month.Period;
        }),
        new("TAX-REVENUE-COLLAPSE-WITH-STAFF", CollapseMonths, (plan, month, random) =>
        {
            var before = Before(plan, month);
            var share = 0.05 + (random.NextDouble() * 0.3);
            month.Revenue = EnterpriseGenerator.Thousands(before.Average(other => other.Revenue) * share);
            month.OutputVat = EnterpriseGenerator.Thousands(month.Revenue / 10);
            month.InputVat = EnterpriseGenerator.Thousands(month.OutputVat * 0.6);
            month.InvoicesIssued = Math.Max(1, (int)(month.InvoicesIssued * share));

            // The insured workforce holds: no lower than any of the three months before.
            month.InsuredHeadcount = before.Max(other => other.InsuredHeadcount);
            return month.Period;
        }),
        new("LABOUR-REPORT-MISSING", plan => IsActive(plan)
            ? [.. plan.Months.Where(month => month.HasWorkforceReport && month.Start >= plan.RegisteredOn)]
            : [], (_, month, _) =>
        {
            month.HasWorkforceReport = false;
            return month.Period;
        }),
    ];

    private static bool IsActive(EnterprisePlan plan) => plan.HasRegistration && plan.Status == "active";

    private static Func<EnterprisePlan, IReadOnlyList<MonthPlan>> Where(Func<MonthPlan, bool> candidate) =>
        plan => [.. plan.Months.Where(candidate)];

    // A status change needs a month after it to show the violation in, and an active enterprise to change.
    private static List<MonthPlan> StatusChangeMonths(EnterprisePlan plan) =>
        IsActive(plan) ? [.. plan.Months.Skip(1).SkipLast(1).Where(month => month.Start > plan.RegisteredOn)] : [];

    /// <summary>
    /// The enterprise's registration changes to <paramref name="status"/> during <paramref name="month"/>; the
    /// rule then names the next month, the first whose period starts on or after the change.
    /// </summary>
    private static string ChangeStatus(EnterprisePlan plan, MonthPlan month, Random random, string status, bool stopsTrading)
    {
        plan.Status = status;
        plan.StatusSince = month.Start.AddDays(random.Next(1, 28));
        plan.StatusChanged = true;
        if (stopsTrading)
        {
            EnterpriseGenerator.StopTrading(plan, month);
        }

        var index = plan.Months.IndexOf(month);
        return plan.Months[index + 1].Period;
    }

    // The window of TAX-REVENUE-COLLAPSE-WITH-STAFF: three trading months before, each with a return.
    private static List<MonthPlan> CollapseMonths(EnterprisePlan plan) =>
    [
        .. plan.Months.Skip(3).Where(month =>
            month.HasVatReturn && month.HasContribution && month.Revenue > 0
            && Before(plan, month) is var before && before.All(other => other.HasVatReturn && other.Revenue > 0)
            && before.Max(other => other.InsuredHeadcount) >= 10),
    ];

    private static List<MonthPlan> Before(EnterprisePlan plan, MonthPlan month)
    {
        var index = plan.Months.IndexOf(month);
        return [.. plan.Months.Skip(index - 3).Take(3)];
    }
}
