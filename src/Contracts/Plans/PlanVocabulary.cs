using Inspection.Contracts.Registries;

namespace Inspection.Contracts.Plans;

/// <summary>
/// The topics a plan entry examines (chủ đề, nội dung thanh tra): one per field of law the connected
/// registries cover. Two agencies planning the same enterprise on the same topic duplicate a check.
/// </summary>
public static class PlanTopics
{
    public const string Tax = RegistryIds.Tax;
    public const string SocialInsurance = RegistryIds.SocialInsurance;
    public const string Labour = RegistryIds.Labour;
    public const string Environment = RegistryIds.Environment;
    public const string BusinessRegistration = RegistryIds.BusinessRegistration;

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Tax, SocialInsurance, Labour, Environment, BusinessRegistration };
}

/// <summary>Where a plan stands: a draft while it is edited, approved (and locked) once leadership signs it.</summary>
public static class PlanStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
}
