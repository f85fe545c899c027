using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator;

/// <summary>The three registries the simulator serves, as listed in docs/REGISTRIES.md.</summary>
public static class RegistryServices
{
    /// <summary>Business registration (đăng ký doanh nghiệp).</summary>
    public static RegistryService BusinessRegistration { get; } = new(
        Registry.BusinessRegistration, "business-registration", "VN/GOV/000.00.00.G06/DKKD/enterprise-registrations", "registration", "REG");

    /// <summary>Tax (thuế).</summary>
    public static RegistryService Tax { get; } = new(
        Registry.Tax, "tax", "VN/GOV/000.00.00.G07/TCT/tax-filings", "vat-return", "TAX");

    /// <summary>Social insurance (bảo hiểm xã hội).</summary>
    public static RegistryService SocialInsurance { get; } = new(
        Registry.SocialInsurance, "social-insurance", "VN/GOV/000.00.00.G12/BHXH/contributions", "contribution", "BHXH");

    /// <summary>All three, indexed by the internal registry number.</summary>
    public static IReadOnlyList<RegistryService> All { get; } = [BusinessRegistration, Tax, SocialInsurance];

    /// <summary>The registry with this id, or null.</summary>
    public static RegistryService? FindById(string id) => All.FirstOrDefault(service => service.Id == id);

    internal static RegistryService Of(Registry registry) => All[(int)registry];
}
