namespace Inspection.Contracts.Registries;

/// <summary>The connected registries (cơ sở dữ liệu quốc gia, chuyên ngành) the platform pulls.</summary>
public static class RegistryIds
{
    /// <summary>Business registration (đăng ký doanh nghiệp).</summary>
    public const string BusinessRegistration = "business-registration";

    /// <summary>Tax (thuế).</summary>
    public const string Tax = "tax";

    /// <summary>Social insurance (bảo hiểm xã hội, BHXH).</summary>
    public const string SocialInsurance = "social-insurance";

    /// <summary>Labour (lao động): workforce reports and occupational accidents.</summary>
    public const string Labour = "labour";

    /// <summary>Environmental monitoring (quan trắc môi trường tự động).</summary>
    public const string Environment = "environment";

    /// <summary>Every registry the platform knows, in the order they are configured by default.</summary>
    public static readonly IReadOnlyList<string> All = [BusinessRegistration, Tax, SocialInsurance, Labour, Environment];
}
