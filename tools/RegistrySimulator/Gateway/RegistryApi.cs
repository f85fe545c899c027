using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// The registries' feeds behind the gateway, one route group per service path. Every request passes the
/// group's filters in order (X-Road headers, access token, quota) before its handler; a new gateway
/// behaviour is one more filter on the group.
/// </summary>
internal static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var service in RegistryServices.All)
        {
            var group = endpoints.MapGroup($"/r1/{service.ServicePath}")
                .WithMetadata(service)
                .WithTags(service.Id)
                .AddEndpointFilter<XRoadClientFilter>()
                .AddEndpointFilter<AccessTokenFilter>()
                .AddEndpointFilter<QuotaFilter>();

            group.MapGet("/changes", (string? since, string? limit, SimulatorState state) => Changes(service.Registry, since, limit, state))
                .WithName($"{service.Id}-changes")
                .WithSummary($"Every {service.RecordKind} record version published after the cursor.");

            group.MapGet(
                    "/{enterpriseCode}/records",
                    (string enterpriseCode, string? since, string? limit, SimulatorState state, FromStartReads reads) =>
                        Records(service, enterpriseCode, since, limit, state, reads))
                .WithName($"{service.Id}-records")
                .WithSummary($"One enterprise's {service.RecordKind} record versions published after the cursor.");
        }

        return endpoints;
    }

    private static Results<JsonHttpResult<RecordPage>, ProblemHttpResult> Changes(
        Registry registry, string? since, string? limit, SimulatorState state)
    {
        if (!FeedQuery.TryParse(since, limit, out var query, out var error))
        {
            return GatewayProblems.BadRequest(error);
        }

        return TypedResults.Json(state.ReadChanges(registry, query.Since, query.Limit), SimulatorJsonContext.Readable.RecordPage);
    }

    private static Results<JsonHttpResult<RecordPage>, ProblemHttpResult> Records(
        RegistryService service, string enterpriseCode, string? since, string? limit, SimulatorState state, FromStartReads reads)
    {
        var registry = service.Registry;
        if (!EnterpriseCodes.IsValid(enterpriseCode))
        {
            return GatewayProblems.BadRequest($"'{enterpriseCode}' is not a valid enterprise code: 10 digits whose last is the check digit of the first nine.");
        }

        if (!FeedQuery.TryParse(since, limit, out var query, out var error))
        {
            return GatewayProblems.BadRequest(error);
        }

        if (!state.TryFindEnterprise(enterpriseCode, out var index))
        {
            return GatewayProblems.NotFound($"The {RegistryServices.Of(registry).Id} registry has no enterprise {enterpriseCode}.");
        }

        if (query.Since == 0)
        {
            reads.Count(enterpriseCode, service.Id);
        }

        return TypedResults.Json(state.ReadEnterprise(index, registry, query.Since, query.Limit), SimulatorJsonContext.Readable.RecordPage);
    }
}
