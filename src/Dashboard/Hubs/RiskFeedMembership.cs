using System.Security.Claims;
using Inspection.Contracts.Identity;

namespace Inspection.Dashboard.Hubs;

/// <summary>Which live-push groups a user may hear, decided from the token's claims alone.</summary>
public static class RiskFeedMembership
{
    /// <summary>
    /// Inspectors hear the provinces of their jurisdiction (thẩm quyền), an enterprise hears itself,
    /// leadership and administrators hear the whole country. Claim types are the short JWT names
    /// (<see cref="InspectionClaims"/>), so the host must not map inbound claims.
    /// </summary>
    public static IReadOnlyList<string> GroupsFor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var roles = Values(user, InspectionClaims.Role).ToHashSet(StringComparer.Ordinal);
        var groups = new List<string>();

        if (roles.Contains(InspectionRoles.Leadership) || roles.Contains(InspectionRoles.Admin))
        {
            groups.Add(RiskFeedGroups.Nationwide);
        }

        if (roles.Contains(InspectionRoles.Inspector))
        {
            groups.AddRange(Values(user, InspectionClaims.Province).Select(RiskFeedGroups.ForProvince));
        }

        if (roles.Contains(InspectionRoles.Enterprise))
        {
            groups.AddRange(Values(user, InspectionClaims.Enterprise).Select(RiskFeedGroups.ForEnterprise));
        }

        return groups.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<string> Values(ClaimsPrincipal user, string claimType) =>
        user.FindAll(claimType)
            .Select(claim => claim.Value.Trim())
            .Where(value => value.Length > 0);
}
