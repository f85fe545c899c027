namespace Inspection.Bench.RulesBench.Translation;

/// <summary>A month's VAT return (tax/vat-return) as RulesEngine reads it.</summary>
public sealed class VatReturnInput
{
    public DateTime PeriodStart { get; init; }

    public DateTime DueDate { get; init; }

    public DateTime FiledOn { get; init; }

    public double Revenue { get; init; }

    public double OutputVat { get; init; }

    public double InputVat { get; init; }

    public int InvoicesIssued { get; init; }

    public int PayrollHeadcount { get; init; }

    public int OverdueDays { get; init; }
}
