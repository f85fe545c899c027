namespace Inspection.Contracts.Identity;

/// <summary>
/// Names of the live-push groups. A flag goes to its province's group, its enterprise's group and the
/// nationwide group; a connection joins only the groups its claims allow.
/// </summary>
public static class RiskFeedGroups
{
    public const string Nationwide = "nationwide";

    public static string ForProvince(string province) => $"province:{province}";

    public static string ForEnterprise(string enterpriseCode) => $"enterprise:{enterpriseCode}";
}
