namespace Inspection.Bench.RulesBench.Translation;

/// <summary>A half year's labour-change report (labour/workforce-report, period June or December) as RulesEngine reads it.</summary>
public sealed class WorkforceReportInput
{
    public int ReportedWorkforce { get; init; }

    public DateTime DueDate { get; init; }

    public DateTime SubmittedOn { get; init; }
}
