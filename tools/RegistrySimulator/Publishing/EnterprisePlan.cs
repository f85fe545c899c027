using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// What happens to one enterprise during the history: a status change in <see cref="StatusMonth"/> (unless
/// it stays active) and at most one planted violation. The default plan is an enterprise that stays active
/// and clean, which is also how the clock publishes every active enterprise's next month.
/// </summary>
/// <param name="TradingUntil">
/// For a planted status rule: the last month it keeps issuing invoices (<see cref="PlantingKind.StatusWithInvoices"/>)
/// or discharging wastewater (<see cref="PlantingKind.StatusWithDischarge"/>).
/// </param>
internal readonly record struct EnterprisePlan(
    EnterpriseStatus Status,
    YearMonth StatusMonth,
    Planting? Planting,
    YearMonth PlantedMonth,
    YearMonth TradingUntil)
{
    /// <summary>Whether the registration says active in that month.</summary>
    public bool ActiveIn(YearMonth month) => Status == EnterpriseStatus.Active || month < StatusMonth;

    /// <summary>How the month's tax return and contribution look, or null when the enterprise files neither.</summary>
    public MonthVariant? FilingIn(YearMonth month)
    {
        if (!ActiveIn(month))
        {
            if (Planting is { Kind: PlantingKind.StatusWithInvoices } && month <= TradingUntil)
            {
                return MonthVariant.Clean;
            }

            // A suspended enterprise keeps filing nil returns; a dissolved one, or one gone from its address, files nothing.
            return Status == EnterpriseStatus.Suspended ? MonthVariant.Dormant : null;
        }

        return Planting is { Kind: PlantingKind.Filing or PlantingKind.UninsuredWorkforce or PlantingKind.RevenueCollapse } planting
            && month == PlantedMonth
                ? planting.MonthVariant
                : MonthVariant.Clean;
    }

    /// <summary>Whether the month's tax return is left out on purpose, though the enterprise files its contribution.</summary>
    public bool MissesReturnIn(YearMonth month) => Planting is { Kind: PlantingKind.MissingReturn } && month == PlantedMonth;

    /// <summary>The month's half-year workforce report, or null (not June or December, not active, or left out on purpose).</summary>
    public WorkforceVariant? WorkforceReportIn(YearMonth month)
    {
        if (!IsReportMonth(month) || !ActiveIn(month) || (Planting is { Kind: PlantingKind.MissingReport } && month == PlantedMonth))
        {
            return null;
        }

        if (Planting is { Kind: PlantingKind.LateReport } && month == PlantedMonth)
        {
            return WorkforceVariant.Late;
        }

        // An enterprise that insures under half its payroll reports that same under-count to the labour authority.
        return FilingIn(month) == MonthVariant.InsuredBelowPayroll ? WorkforceVariant.UnderReported : WorkforceVariant.Clean;
    }

    /// <summary>Whether the planted undeclared accident happens in that month.</summary>
    public bool PlantsAccidentIn(YearMonth month) => Planting is { Kind: PlantingKind.UndeclaredAccident } && month == PlantedMonth;

    /// <summary>The month's monitoring summary of an enterprise with a station, or null when the station reports nothing.</summary>
    public StationVariant? MonitoringSummaryIn(YearMonth month)
    {
        if (!ActiveIn(month))
        {
            // Clean data: no discharge, so no summaries, from the month the enterprise stopped trading on.
            return Planting is { Kind: PlantingKind.StatusWithDischarge } && month <= TradingUntil ? StationVariant.Clean : null;
        }

        return Planting is { Kind: PlantingKind.Station } planting && month == PlantedMonth ? planting.StationVariant : StationVariant.Clean;
    }

    /// <summary>June and December: the months of the H1 and H2 workforce reports.</summary>
    public static bool IsReportMonth(YearMonth month) => month.Month is 6 or 12;
}
