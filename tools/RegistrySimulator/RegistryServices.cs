using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator;

/// <summary>The five registries the simulator serves, as listed in docs/REGISTRIES.md.</summary>
public static class RegistryServices
{
    /// <summary>Business registration (đăng ký doanh nghiệp).</summary>
    public static RegistryService BusinessRegistration { get; } = new(
        Registry.BusinessRegistration, "business-registration", "VN/GOV/000.00.00.G06/DKKD/enterprise-registrations", "REG", "registration");

    /// <summary>Tax (thuế).</summary>
    public static RegistryService Tax { get; } = new(
        Registry.Tax, "tax", "VN/GOV/000.00.00.G07/TCT/tax-filings", "TAX", "vat-return");

    /// <summary>Social insurance (bảo hiểm xã hội).</summary>
    public static RegistryService SocialInsurance { get; } = new(
        Registry.SocialInsurance, "social-insurance", "VN/GOV/000.00.00.G12/BHXH/contributions", "BHXH", "contribution");

    /// <summary>Labour (lao động): half-year workforce reports and occupational accidents.</summary>
    public static RegistryService Labour { get; } = new(
        Registry.Labour, "labour", "VN/GOV/000.00.00.G15/LDTBXH/labour-reports", "LAB", "workforce-report", "accident-report");

    /// <summary>Environment (quan trắc môi trường tự động): monthly wastewater monitoring summaries.</summary>
    public static RegistryService Environment { get; } = new(
        Registry.Environment, "environment", "VN/GOV/000.00.00.G16/TNMT/monitoring-stations", "ENV", "monitoring-summary");

    /// <summary>All five, indexed by the internal registry number.</summary>
    public static IReadOnlyList<RegistryService> All { get; } = [BusinessRegistration, Tax, SocialInsurance, Labour, Environment];

    /// <summary>The registry with this id, or null.</summary>
    public static RegistryService? FindById(string id) => All.FirstOrDefault(service => service.Id == id);

    internal static RegistryService Of(Registry registry) => All[(int)registry];
}
