using System.Security.Claims;
using Inspection.Contracts.Identity;
using Inspection.Contracts.RulePacks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// The rule pack in force (bộ quy tắc): every version with its stage, validity and counts, for staff;
/// the promotion of a dry-run version, for administrators only, written to the audit trail.
/// </summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules");
        rules.MapGet("/", Describe)
            .WithName("DescribeRulePack")
            .WithSummary("The rule pack in force: each rule version's stage, validity, legal basis, and the flags it raised (or on dry run would have raised)")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin, InspectionRoles.Leadership, InspectionRoles.Inspector));
        rules.MapPost("/{ruleId}/versions/{version:int}/promote", Promote)
            .WithName("PromoteRuleVersion")
            .WithSummary("Makes a dry-run rule version live from its validFrom, ending the live version the day before; audited")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin));
        return app;
    }

    public static async Task<Ok<RulePackSummary>> Describe(IRuleCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.DescribeAsync(ct));

    public static async Task<Results<Ok<RulePackSummary>, ProblemHttpResult>> Promote(
        string ruleId, int version, HttpContext http, IRuleCatalog catalog, CancellationToken ct)
    {
        var actor = http.User.FindFirstValue(InspectionClaims.Subject) ?? "unknown";
        var result = await catalog.PromoteAsync(ruleId, version, actor, ct);
        return result.Outcome switch
        {
            PromotionOutcome.Promoted => TypedResults.Ok(result.Pack),
            PromotionOutcome.NotFound => TypedResults.Problem(title: "Rule version not found", detail: result.Problem, statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(title: "Promotion refused", detail: result.Problem, statusCode: StatusCodes.Status409Conflict),
        };
    }
}
