using Inspection.RegistrySimulator.Data;
using Inspection.RegistrySimulator.Faults;
using Inspection.RegistrySimulator.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// The registries' feeds behind the gateway, one route group per service path. Every request passes the
/// group's filters in order (stats, X-Road headers, access token, quota, injected faults) before its
/// handler; a new gateway behaviour is one more filter on the group.
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
                .AddEndpointFilter<GatewayStatsFilter>()
                .AddEndpointFilter<XRoadClientFilter>()
                .AddEndpointFilter<AccessTokenFilter>()
                .AddEndpointFilter<QuotaFilter>()
                .AddEndpointFilter<FaultFilter>();

            group.MapGet(
                    "/changes",
                    (string? since, string? limit, SimulatorState state, RegistryFaults faults, HttpContext context) =>
                        Changes(service, since, limit, state, faults, context))
                .WithName($"{service.Id}-changes")
                .WithSummary($"Every {string.Join(" and ", service.RecordKinds)} record version published after the cursor.");

            group.MapGet(
                    "/{enterpriseCode}/records",
                    (string enterpriseCode, string? since, string? limit, SimulatorState state, FromStartReads reads, HttpContext context) =>
                        Records(service, enterpriseCode, since, limit, state, reads, context))
                .WithName($"{service.Id}-records")
                .WithSummary($"One enterprise's {string.Join(" and ", service.RecordKinds)} record versions published after the cursor.");
        }

        return endpoints;
    }

    private static Results<JsonHttpResult<RecordPage>, ProblemHttpResult> Changes(
        RegistryService service, string? since, string? limit, SimulatorState state, RegistryFaults faults, HttpContext context)
    {
        var registry = service.Registry;
        if (!FeedQuery.TryParse(since, limit, out var query, out var error))
        {
            return GatewayProblems.BadRequest(error);
        }

        var retention = faults.Get(service.Id).FeedRetention;
        if (retention > 0 && state.ExpiredFeedFloor(registry, query.Since, retention) is { } oldest)
        {
            return GatewayProblems.CursorExpired(
                $"The {service.Id} change feed keeps its last {retention} record versions; cursor {query.Since} is older. Resume from {oldest}.", oldest);
        }

        context.Features.Set(new FeedRequest(registry, null, query.Since));
        return TypedResults.Json(state.ReadChanges(registry, query.Since, query.Limit), SimulatorJsonContext.Readable.RecordPage);
    }

    private static Results<JsonHttpResult<RecordPage>, ProblemHttpResult> Records(
        RegistryService service, string enterpriseCode, string? since, string? limit, SimulatorState state, FromStartReads reads, HttpContext context)
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

        if (string.IsNullOrEmpty(since))
        {
            reads.Count(enterpriseCode, service.Id);
        }

        context.Features.Set(new FeedRequest(registry, index, query.Since));
        return TypedResults.Json(state.ReadEnterprise(index, registry, query.Since, query.Limit), SimulatorJsonContext.Readable.RecordPage);
    }
}
