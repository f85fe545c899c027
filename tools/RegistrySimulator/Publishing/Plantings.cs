using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>The planting of each rule in <see cref="RuleIds.All"/>.</summary>
internal static class Plantings
{
    public static IReadOnlyList<Planting> All { get; } =
    [
        new(RuleIds.TaxLateFiling, Registry.Tax, MonthVariant.LateFiling, EnterpriseStatus.Active),
        new(RuleIds.TaxDebtOverdue, Registry.Tax, MonthVariant.DebtOverdue, EnterpriseStatus.Active),
        new(RuleIds.BhxhArrears, Registry.SocialInsurance, MonthVariant.Arrears, EnterpriseStatus.Active),
        new(RuleIds.BhxhInsuredBelowPayroll, Registry.SocialInsurance, MonthVariant.InsuredBelowPayroll, EnterpriseStatus.Active),
        new(RuleIds.TaxInvoicesAfterDissolution, Registry.BusinessRegistration, MonthVariant.Clean, EnterpriseStatus.Dissolved),
        new(RuleIds.TaxInvoicesDuringSuspension, Registry.BusinessRegistration, MonthVariant.Clean, EnterpriseStatus.Suspended),
    ];

    /// <summary>The plantings that need no status change, for a history too short to have one.</summary>
    public static IReadOnlyList<Planting> WithinOneMonth { get; } = [.. All.Where(planting => !planting.ChangesStatus)];

    public static Planting? Find(string? ruleId) => All.FirstOrDefault(planting => planting.RuleId == ruleId);
}
