namespace Inspection.Bench.RulesBench.Translation;

/// <summary>A month's social-insurance contribution (social-insurance/contribution) as RulesEngine reads it.</summary>
public sealed class ContributionInput
{
    public int InsuredHeadcount { get; init; }

    public double ContributionDue { get; init; }

    public double ContributionPaid { get; init; }

    public int MonthsInArrears { get; init; }
}
