namespace Inspection.RegistrySimulator.Data;

/// <summary>How an enterprise's monthly tax return and contribution record look.</summary>
internal enum MonthVariant : byte
{
    /// <summary>Trading, and well inside every rule threshold.</summary>
    Clean,

    /// <summary>Suspended: returns with no revenue, invoices or staff.</summary>
    Dormant,

    /// <summary>The return is received after its due date.</summary>
    LateFiling,

    /// <summary>Tax unpaid for more than 30 days when the return is filed.</summary>
    DebtOverdue,

    /// <summary>Contributions unpaid for two months or more.</summary>
    Arrears,

    /// <summary>Fewer than half of the payroll insured.</summary>
    InsuredBelowPayroll,

    /// <summary>Between half and 70% of the payroll (the reported workforce) insured.</summary>
    WorkforceNotInsured,

    /// <summary>The return declares output VAT of 1–4% of its revenue instead of a tenth.</summary>
    OutputVatUnderdeclared,

    /// <summary>
    /// Revenue a tenth to a quarter of the clean month's (output VAT and invoices in step), while the contribution
    /// insures more workers than any clean month.
    /// </summary>
    RevenueCollapse,
}
