using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// What happens to one enterprise during the history: a status change in <see cref="StatusMonth"/> (unless
/// it stays active) and at most one planted violation.
/// </summary>
/// <param name="TradingUntil">For a planted status rule: the last month it keeps issuing invoices.</param>
internal readonly record struct EnterprisePlan(
    EnterpriseStatus Status,
    YearMonth StatusMonth,
    Planting? Planting,
    YearMonth PlantedMonth,
    YearMonth TradingUntil)
{
    /// <summary>How the month's filings look, or null when the enterprise files nothing that month.</summary>
    public MonthVariant? VariantIn(YearMonth month)
    {
        if (Status != EnterpriseStatus.Active && month >= StatusMonth)
        {
            if (Planting is not null && month <= TradingUntil)
            {
                return MonthVariant.Clean;
            }

            // A suspended enterprise keeps filing nil returns; a dissolved one, or one gone from its address, files nothing.
            return Status == EnterpriseStatus.Suspended ? MonthVariant.Dormant : null;
        }

        return Planting is { ChangesStatus: false } && month == PlantedMonth ? Planting.Variant : MonthVariant.Clean;
    }
}
