namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// The conditions of the shipped pack (<c>Packs/core.rules.json</c>, 1.2.0), every version, by hand in
/// RulesEngine's expression language. A value the pack compares is known here unless it is text (the
/// generated records carry every number and date), so a text compared with <c>!=</c> is tested for null
/// first: the pack's three-valued logic does not fire on an unknown.
/// </summary>
internal static class CoreTranslations
{
    private const string LateFiling = "m.Tax.FiledOn > m.Tax.DueDate";

    // The window "last 3, skip 1": the three months before the row's.
    private const string Before = "w.Index >= m.Index - 3 && w.Index <= m.Index - 1";
    private const string RevenueBefore = $"input1.Months.Where(w => {Before} && w.Tax != null)";
    private const string InsuredBefore = $"input1.Months.Where(w => {Before} && w.Contribution != null)";
    private const string MeanRevenueBefore = $"{RevenueBefore}.Average(w => w.Tax.Revenue)";

    public static IReadOnlyList<RuleTranslation> All { get; } =
    [
        new("TAX-LATE-FILING", 1, LateFiling),
        new("TAX-LATE-FILING", 2, LateFiling),
        new("TAX-DEBT-OVERDUE", 1, "m.Tax.OverdueDays > 30"),
        new("BHXH-ARREARS", 1, "m.Contribution.MonthsInArrears >= 2"),
        new("BHXH-INSURED-BELOW-PAYROLL", 1, "m.Tax.PayrollHeadcount >= 10 && m.Contribution.InsuredHeadcount < 0.5 * m.Tax.PayrollHeadcount"),
        new("TAX-INVOICES-AFTER-DISSOLUTION", 1,
            "input1.Registration.Status == \"dissolved\" && m.Tax.InvoicesIssued > 0 && m.Tax.PeriodStart >= input1.Registration.StatusSince"),
        new("TAX-INVOICES-DURING-SUSPENSION", 1,
            "input1.Registration.Status == \"suspended\" && m.Tax.InvoicesIssued > 0 && m.Tax.PeriodStart >= input1.Registration.StatusSince"),
        new("LABOUR-REPORT-LATE", 1, "m.Workforce.SubmittedOn > m.Workforce.DueDate"),
        new("LABOUR-WORKFORCE-NOT-INSURED", 1,
            "m.Workforce.ReportedWorkforce >= 10 && m.Contribution.InsuredHeadcount < 0.7 * m.Workforce.ReportedWorkforce"),
        new("LABOUR-ACCIDENT-NOT-DECLARED", 1, "a.SeriousInjuries + a.Fatalities >= 2 && a.Declaration != null && a.Declaration != \"immediate\""),
        new("ENV-PARAMETER-OVER-LIMIT", 1, "m.Monitoring.HoursOverLimit >= 3"),
        new("ENV-TRANSMISSION-GAP", 1, "m.Monitoring.UptimePercent < 90"),
        new("ENV-DISCHARGE-DURING-SUSPENSION", 1,
            "input1.Registration.Status == \"suspended\" && m.Monitoring.DischargeM3 > 0 && m.Start >= input1.Registration.StatusSince"),
        new("TAX-RETURN-MISSING", 1,
            "m.Tax == null && input1.Registration.Status == \"active\" && input1.Registration.RegisteredOn <= m.Start && m.Start.AddMonths(1).AddDays(29) < input1.AsOf"),
        new("TAX-OUTPUT-VAT-UNDERDECLARED", 1, "m.Tax.Revenue > 0 && m.Tax.OutputVat < 0.05 * m.Tax.Revenue"),

        // count(...) >= 3, then changePct(mean, revenue) < -60 (unknown when the mean is 0), then the
        // insured workforce against its own mean, which is unknown when no month before has a contribution.
        new("TAX-REVENUE-COLLAPSE-WITH-STAFF", 1,
            $"{RevenueBefore}.Count() >= 3 && {MeanRevenueBefore} != 0 && 100 * (m.Tax.Revenue - {MeanRevenueBefore}) / Math.Abs({MeanRevenueBefore}) < -60"
            + $" && m.Contribution.InsuredHeadcount >= 10 && {InsuredBefore}.Any() && m.Contribution.InsuredHeadcount >= {InsuredBefore}.Average(w => w.Contribution.InsuredHeadcount)"),
        new("LABOUR-REPORT-MISSING", 1,
            "m.Workforce == null && input1.Registration.Status == \"active\" && input1.Registration.RegisteredOn <= m.Start && m.Start.AddDays(14) < input1.AsOf"),
    ];
}
