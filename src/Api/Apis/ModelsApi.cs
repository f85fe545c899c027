using System.Security.Claims;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Inspection.Contracts.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// The risk models (mô hình rủi ro): their last training (versions, peer groups, the supervised model's
/// cross-validated AUC or why it stepped aside), for staff; a training on request, for administrators,
/// written to the audit trail. A training runs in the background: the request is accepted at once.
/// </summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/", Describe)
            .WithName("DescribeRiskModels")
            .WithSummary("The risk models' last training and whether one is under way")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin, InspectionRoles.Leadership, InspectionRoles.Inspector));
        models.MapPost("/train", Train)
            .WithName("TrainRiskModels")
            .WithSummary("Trains the risk models now, in the background (or once more after the training under way); audited")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin));
        return app;
    }

    public static async Task<Ok<RiskModelStatus>> Describe(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRiskModelGrain>(IRiskModelGrain.Key).GetStatus());

    public static async Task<Accepted<RiskModelStatus>> Train(HttpContext http, IGrainFactory grains, IAuditTrail audit, CancellationToken ct)
    {
        var actor = http.User.FindFirstValue(InspectionClaims.Subject) ?? "unknown";
        // Recorded before the training starts, so that no training goes unaccounted for.
        await audit.AppendAsync(new AuditEvent(actor, InspectionRoles.Admin, "models.training-requested", "models", new Dictionary<string, string?>()), ct);
        var model = grains.GetGrain<IRiskModelGrain>(IRiskModelGrain.Key);
        await model.Request("requested by an administrator");
        return TypedResults.Accepted("/api/models", await model.GetStatus());
    }
}
