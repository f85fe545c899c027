using Inspection.Contracts.Audit;
using Inspection.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>The audit trail (nhật ký kiểm toán): who did what, for leadership and administrators, and its verification.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/", ListEntries)
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, by subject or action; page back with before=<sequence>")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin, InspectionRoles.Leadership));
        audit.MapGet("/verify", Verify)
            .WithName("VerifyAuditTrail")
            .WithSummary("Re-computes the hash chain and names the first entry that does not hold")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin));
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> ListEntries(
        [AsParameters] AuditListRequest request, IAuditTrail trail, CancellationToken ct)
    {
        var limit = request.Limit ?? 50;
        if (limit is < 1 or > ApiProblems.MaxLimit)
        {
            return ApiProblems.BadLimit();
        }

        if (request.Before is < 1)
        {
            return TypedResults.Problem(title: "Invalid sequence", detail: "before must be a positive sequence number.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await trail.ListAsync(new AuditQuery(request.Subject, request.Action, request.Before, limit), ct));
    }

    public static async Task<Ok<AuditVerification>> Verify(IAuditTrail trail, CancellationToken ct) =>
        TypedResults.Ok(await trail.VerifyAsync(ct));
}
