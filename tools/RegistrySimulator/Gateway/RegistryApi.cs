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
    /// <summary>The query of a change-feed request, as sent.</summary>
    private readonly record struct ChangesQuery(string? Since, string? Limit, string? Order, string? Until);

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
                    (string? since, string? limit, string? order, string? until, SimulatorState state, RegistryFaults faults, FromStartReads reads, SimulatorOptions options, HttpContext context) =>
                        Changes(service, NewestFirstAsSupported(new(since, limit, order, until), options.NewestFirst), state, faults, reads, context))
                .WithName($"{service.Id}-changes")
                .WithSummary($"Every {string.Join(" and ", service.RecordKinds)} record version published after the cursor; with order=newest, the newest first.");

            group.MapGet(
                    "/{enterpriseCode}/records",
                    (string enterpriseCode, string? since, string? limit, SimulatorState state, FromStartReads reads, HttpContext context) =>
                        Records(service, enterpriseCode, since, limit, state, reads, context))
                .WithName($"{service.Id}-records")
                .WithSummary($"One enterprise's {string.Join(" and ", service.RecordKinds)} record versions published after the cursor.");
        }

        return endpoints;
    }

    /// <summary>The query as a registry with that support for newest-first reads takes it; null when it refuses the query.</summary>
    private static ChangesQuery? NewestFirstAsSupported(ChangesQuery query, NewestFirstSupport support) => support switch
    {
        NewestFirstSupport.Ignored => query with { Order = null, Until = null },
        NewestFirstSupport.Refused when query.Order is not null || query.Until is not null => null,
        _ => query,
    };

    private static Results<JsonHttpResult<RecordPage>, ProblemHttpResult> Changes(
        RegistryService service, ChangesQuery? supported, SimulatorState state, RegistryFaults faults, FromStartReads reads, HttpContext context)
    {
        var registry = service.Registry;
        if (supported is not { } request)
        {
            return GatewayProblems.BadRequest("This registry's change feed knows no 'order' or 'until' parameter.");
        }

        if (!FeedQuery.TryParse(request.Since, request.Limit, request.Order, request.Until, out var query, out var error))
        {
            return GatewayProblems.BadRequest(error);
        }

        var retention = faults.Get(service.Id).FeedRetention;
        if (retention > 0 && state.ExpiredFeedFloor(registry, query.Since, retention) is { } oldest)
        {
            return GatewayProblems.CursorExpired(
                $"The {service.Id} change feed keeps its last {retention} record versions; cursor {query.Since} is older. Resume from {oldest}.", oldest);
        }

        if (string.IsNullOrEmpty(request.Since) && query.Until is null)
        {
            reads.Count(null, service.Id);
        }

        context.Features.Set(new FeedRequest(registry, null, query.Since));
        var page = query.NewestFirst
            ? state.ReadNewestChanges(registry, query.Since, query.Until, query.Limit)
            : state.ReadChanges(registry, query.Since, query.Limit);
        return TypedResults.Json(page, SimulatorJsonContext.Readable.RecordPage);
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
