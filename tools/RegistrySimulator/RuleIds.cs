namespace Inspection.RegistrySimulator;

/// <summary>The rules of the shipped rule pack that the simulator plants violations of (docs/REGISTRIES.md).</summary>
public static class RuleIds
{
    /// <summary>A month's VAT return received after its due date.</summary>
    public const string TaxLateFiling = "TAX-LATE-FILING";

    /// <summary>Tax unpaid more than 30 days past due.</summary>
    public const string TaxDebtOverdue = "TAX-DEBT-OVERDUE";

    /// <summary>Two or more consecutive months of unpaid social-insurance contributions.</summary>
    public const string BhxhArrears = "BHXH-ARREARS";

    /// <summary>Insured headcount below half the payroll headcount (payroll of 10 or more).</summary>
    public const string BhxhInsuredBelowPayroll = "BHXH-INSURED-BELOW-PAYROLL";

    /// <summary>Invoices issued in or after the month the enterprise was dissolved.</summary>
    public const string TaxInvoicesAfterDissolution = "TAX-INVOICES-AFTER-DISSOLUTION";

    /// <summary>Invoices issued in or after the month a suspension took effect.</summary>
    public const string TaxInvoicesDuringSuspension = "TAX-INVOICES-DURING-SUSPENSION";

    /// <summary>All six, in the order of the doc's table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TaxLateFiling,
        TaxDebtOverdue,
        BhxhArrears,
        BhxhInsuredBelowPayroll,
        TaxInvoicesAfterDissolution,
        TaxInvoicesDuringSuspension,
    ];
}
