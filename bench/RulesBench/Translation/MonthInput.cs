namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// One month of the stretch an enterprise's records span, with each registry's record of that month
/// (null: the registry has none), so that a rule joins registries on the month, takes windows over the
/// months before it, and finds a record that should be there and is not.
/// </summary>
public sealed class MonthInput
{
    /// <summary><c>yyyy-MM</c>.</summary>
    public required string Period { get; init; }

    /// <summary>The first day of the month: the day the rule version in force is looked up by.</summary>
    public DateTime Start { get; init; }

    /// <summary>Months since the start of year 0, so that windows count months.</summary>
    public int Index { get; init; }

    public VatReturnInput? Tax { get; init; }

    public ContributionInput? Contribution { get; init; }

    public WorkforceReportInput? Workforce { get; init; }

    public MonitoringSummaryInput? Monitoring { get; init; }
}
