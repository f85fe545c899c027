using System.Security.Claims;
using Inspection.Contracts.Identity;

namespace Inspection.Api.Identity;

/// <summary>
/// What the caller may see (thẩm quyền): an inspector their provinces, an enterprise itself,
/// leadership and administrators everything.
/// </summary>
public sealed record CallerScope(string Role, IReadOnlySet<string> Provinces, string? EnterpriseCode)
{
    /// <summary>
    /// The provinces to limit a query to, or null when no province limit applies: nationwide roles, and
    /// enterprise accounts (which are limited by <see cref="EnterpriseCode"/> instead).
    /// </summary>
    public IReadOnlyCollection<string>? ProvinceLimit => Role is InspectionRoles.Inspector ? Provinces : null;

    /// <summary>A token the platform can act on: a known role with the scope that role needs.</summary>
    public bool IsWellFormed => Role switch
    {
        InspectionRoles.Inspector => Provinces.Count > 0,
        InspectionRoles.Enterprise => EnterpriseCode is not null,
        InspectionRoles.Leadership or InspectionRoles.Admin => true,
        _ => false,
    };

    public static CallerScope From(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(InspectionClaims.Role) ?? string.Empty;
        var provinces = user.FindAll(InspectionClaims.Province).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var enterprise = role == InspectionRoles.Enterprise ? user.FindFirstValue(InspectionClaims.Enterprise) : null;
        return new CallerScope(role, provinces, enterprise);
    }

    /// <summary>Whether an enterprise registered in <paramref name="province"/> is within this scope.</summary>
    public bool CanSee(string enterpriseCode, string province) => Role switch
    {
        InspectionRoles.Leadership or InspectionRoles.Admin => true,
        InspectionRoles.Inspector => Provinces.Contains(province),
        InspectionRoles.Enterprise => string.Equals(EnterpriseCode, enterpriseCode, StringComparison.Ordinal),
        _ => false,
    };
}
