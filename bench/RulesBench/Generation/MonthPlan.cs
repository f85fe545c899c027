using System.Globalization;

namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// What the registries hold about one enterprise for one month, before it is written as records: each
/// registry's figures, and whether the registry has a record at all (a violation may remove one).
/// </summary>
internal sealed class MonthPlan(DateOnly start)
{
    public DateOnly Start { get; } = start;

    public string Period { get; } = string.Intern(start.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    public bool HasVatReturn { get; set; } = true;

    public DateOnly DueDate => Start.AddMonths(1).AddDays(19);

    public DateOnly FiledOn { get; set; }

    public double Revenue { get; set; }

    public double OutputVat { get; set; }

    public double InputVat { get; set; }

    public int InvoicesIssued { get; set; }

    public int PayrollHeadcount { get; set; }

    public int OverdueDays { get; set; }

    public bool HasContribution { get; set; } = true;

    public int InsuredHeadcount { get; set; }

    public double ContributionDue { get; set; }

    public double ContributionPaid { get; set; }

    public int MonthsInArrears { get; set; }

    public bool HasWorkforceReport { get; set; }

    /// <summary>Day 5 of the report's month (June or December).</summary>
    public DateOnly WorkforceDueDate => Start.AddDays(4);

    public int ReportedWorkforce { get; set; }

    public DateOnly WorkforceSubmittedOn { get; set; }

    public bool HasMonitoringSummary { get; set; }

    public double DischargeM3 { get; set; }

    public double CodMax { get; set; }

    public double TssMax { get; set; }

    public int HoursOverLimit { get; set; }

    public double UptimePercent { get; set; }
}
