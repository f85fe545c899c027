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

    /// <summary>A half-year workforce report received after its due date.</summary>
    public const string LabourReportLate = "LABOUR-REPORT-LATE";

    /// <summary>A reported workforce of 10 or more of which fewer than 70% are insured in the report's month.</summary>
    public const string LabourWorkforceNotInsured = "LABOUR-WORKFORCE-NOT-INSURED";

    /// <summary>An accident with two or more workers killed or seriously injured, not declared immediately.</summary>
    public const string LabourAccidentNotDeclared = "LABOUR-ACCIDENT-NOT-DECLARED";

    /// <summary>A month with 3 or more hours of a wastewater parameter above its limit.</summary>
    public const string EnvParameterOverLimit = "ENV-PARAMETER-OVER-LIMIT";

    /// <summary>A monitoring station that transmitted data for less than 90% of a month.</summary>
    public const string EnvTransmissionGap = "ENV-TRANSMISSION-GAP";

    /// <summary>Wastewater discharged in or after the month a suspension took effect.</summary>
    public const string EnvDischargeDuringSuspension = "ENV-DISCHARGE-DURING-SUSPENSION";

    /// <summary>No VAT return for a month of an active enterprise, ten days after its due date.</summary>
    public const string TaxReturnMissing = "TAX-RETURN-MISSING";

    /// <summary>A VAT return whose output VAT is below 5% of its revenue.</summary>
    public const string TaxOutputVatUnderdeclared = "TAX-OUTPUT-VAT-UNDERDECLARED";

    /// <summary>Revenue more than 60% below the three months before, while the insured workforce did not shrink.</summary>
    public const string TaxRevenueCollapseWithStaff = "TAX-REVENUE-COLLAPSE-WITH-STAFF";

    /// <summary>No half-year workforce report of an active enterprise, ten days after its due date.</summary>
    public const string LabourReportMissing = "LABOUR-REPORT-MISSING";

    /// <summary>All sixteen, in the order of the doc's table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TaxLateFiling,
        TaxDebtOverdue,
        BhxhArrears,
        BhxhInsuredBelowPayroll,
        TaxInvoicesAfterDissolution,
        TaxInvoicesDuringSuspension,
        LabourReportLate,
        LabourWorkforceNotInsured,
        LabourAccidentNotDeclared,
        EnvParameterOverLimit,
        EnvTransmissionGap,
        EnvDischargeDuringSuspension,
        TaxReturnMissing,
        TaxOutputVatUnderdeclared,
        TaxRevenueCollapseWithStaff,
        LabourReportMissing,
    ];
}
