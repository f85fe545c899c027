using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// How a rule is broken on purpose: either a monthly record of <see cref="Registry"/> takes
/// <see cref="Variant"/>, or the registration changes to <see cref="Status"/> while the enterprise keeps
/// issuing invoices.
/// </summary>
internal sealed record Planting(string RuleId, Registry Registry, MonthVariant Variant, EnterpriseStatus Status)
{
    public bool ChangesStatus => Status != EnterpriseStatus.Active;
}
