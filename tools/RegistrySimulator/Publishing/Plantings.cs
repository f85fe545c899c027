using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>The planting of each rule in <see cref="RuleIds.All"/>.</summary>
internal static class Plantings
{
    public static IReadOnlyList<Planting> All { get; } =
    [
        new(RuleIds.TaxLateFiling, PlantingKind.Filing, Registry.Tax, (byte)MonthVariant.LateFiling),
        new(RuleIds.TaxDebtOverdue, PlantingKind.Filing, Registry.Tax, (byte)MonthVariant.DebtOverdue),
        new(RuleIds.BhxhArrears, PlantingKind.Filing, Registry.SocialInsurance, (byte)MonthVariant.Arrears),
        new(RuleIds.BhxhInsuredBelowPayroll, PlantingKind.Filing, Registry.SocialInsurance, (byte)MonthVariant.InsuredBelowPayroll),
        new(RuleIds.TaxInvoicesAfterDissolution, PlantingKind.StatusWithInvoices, Registry.BusinessRegistration, Status: EnterpriseStatus.Dissolved),
        new(RuleIds.TaxInvoicesDuringSuspension, PlantingKind.StatusWithInvoices, Registry.BusinessRegistration, Status: EnterpriseStatus.Suspended),
        new(RuleIds.LabourReportLate, PlantingKind.LateReport, Registry.Labour),
        new(RuleIds.LabourWorkforceNotInsured, PlantingKind.UninsuredWorkforce, Registry.SocialInsurance, (byte)MonthVariant.WorkforceNotInsured),
        new(RuleIds.LabourAccidentNotDeclared, PlantingKind.UndeclaredAccident, Registry.Labour),
        new(RuleIds.EnvParameterOverLimit, PlantingKind.Station, Registry.Environment, (byte)StationVariant.OverLimit),
        new(RuleIds.EnvTransmissionGap, PlantingKind.Station, Registry.Environment, (byte)StationVariant.TransmissionGap),
        new(RuleIds.EnvDischargeDuringSuspension, PlantingKind.StatusWithDischarge, Registry.Environment, Status: EnterpriseStatus.Suspended),
        new(RuleIds.TaxReturnMissing, PlantingKind.MissingReturn, Registry.Tax),
        new(RuleIds.TaxOutputVatUnderdeclared, PlantingKind.Filing, Registry.Tax, (byte)MonthVariant.OutputVatUnderdeclared),
        new(RuleIds.TaxRevenueCollapseWithStaff, PlantingKind.RevenueCollapse, Registry.Tax, (byte)MonthVariant.RevenueCollapse),
        new(RuleIds.LabourReportMissing, PlantingKind.MissingReport, Registry.Labour),
    ];

    /// <summary>
    /// Chance that an enterprise with a station, when it gets a violation, gets one of the station rules:
    /// chosen so that every rule is planted about equally often although only some enterprises have a station.
    /// </summary>
    public static double StationRuleShare { get; } =
        Math.Min(1, (double)All.Count(planting => planting.NeedsStation) / All.Count / Sectors.StationShare);

    public static Planting? Find(string? ruleId) => All.FirstOrDefault(planting => planting.RuleId == ruleId);
}
