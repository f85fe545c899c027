using System.Security.Claims;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Identity;

namespace Inspection.Api.Identity;

/// <summary>Audit events for what the signed-in caller does: who (the token's subject and role), what, and to which subject.</summary>
public static class AuditEvents
{
    /// <summary>A person read an enterprise's data; written before the data is returned, so that no read goes unrecorded.</summary>
    public static AuditEvent Read(ClaimsPrincipal user, string action, string enterpriseCode, IEnumerable<(string Key, string? Value)> details) => new(
        user.FindFirstValue(InspectionClaims.Subject) ?? "unknown",
        user.FindFirstValue(InspectionClaims.Role) ?? "unknown",
        action,
        $"enterprise:{enterpriseCode}",
        details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
