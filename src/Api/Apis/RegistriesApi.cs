using Inspection.Contracts.Identity;
using Inspection.Contracts.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>The connected registries as operators see them: last success, lag, error rate, circuit state.</summary>
public static class RegistriesApi
{
    public static IEndpointRouteBuilder MapRegistriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/registries/health", GetHealth)
            .WithTags("Registries")
            .WithName("GetRegistryHealth")
            .WithSummary("Per registry: last success, lag behind the registry, error rate and circuit state")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin, InspectionRoles.Leadership, InspectionRoles.Inspector));
        return app;
    }

    public static Ok<IReadOnlyList<RegistryHealth>> GetHealth(IRegistryHealthQueries health) => TypedResults.Ok(health.Current());
}
