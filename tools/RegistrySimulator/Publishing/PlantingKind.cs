namespace Inspection.RegistrySimulator.Publishing;

/// <summary>How a <see cref="Planting"/> breaks its rule.</summary>
internal enum PlantingKind
{
    /// <summary>One month's tax return or contribution takes the planting's <see cref="Data.MonthVariant"/>.</summary>
    Filing,

    /// <summary>The registration changes to the planting's status while the returns go on showing invoices.</summary>
    StatusWithInvoices,

    /// <summary>One workforce report is received after its due date.</summary>
    LateReport,

    /// <summary>The contribution of a workforce report's month insures 50–70% of the reported workforce.</summary>
    UninsuredWorkforce,

    /// <summary>An accident with two or more victims is not declared immediately.</summary>
    UndeclaredAccident,

    /// <summary>One month's monitoring summary takes the planting's <see cref="Data.StationVariant"/>.</summary>
    Station,

    /// <summary>
    /// The registration changes to suspended while the monitoring station goes on recording discharge;
    /// the returns show no invoices, so that only the discharge breaks a rule.
    /// </summary>
    StatusWithDischarge,

    /// <summary>
    /// One month's tax return is left out while its contribution (and everything else) is published: the
    /// month stays within the enterprise's records, where a return is expected.
    /// </summary>
    MissingReturn,

    /// <summary>One June or December workforce report is left out.</summary>
    MissingReport,

    /// <summary>
    /// One month's tax return and contribution take <see cref="Data.MonthVariant.RevenueCollapse"/>: revenue
    /// collapses against the three months before while more workers than ever are insured.
    /// </summary>
    RevenueCollapse,
}
