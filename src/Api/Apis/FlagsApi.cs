using Inspection.Api.Identity;
using Inspection.Contracts.Evidence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>Flags (dấu hiệu vi phạm), newest first, within the caller's scope.</summary>
public static class FlagsApi
{
    public static IEndpointRouteBuilder MapFlagsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/flags", ListFlags)
            .WithTags("Flags")
            .WithName("ListFlags")
            .WithSummary("Flags within the caller's jurisdiction, newest first, filtered by time and province")
            .RequireAuthorization();
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RiskFlag>>, ProblemHttpResult>> ListFlags(
        [AsParameters] FlagListRequest request, HttpContext http, IEvidenceQueries queries, CancellationToken ct)
    {
        var limit = request.Limit ?? 100;
        if (limit is < 1 or > ApiProblems.MaxLimit)
        {
            return ApiProblems.BadLimit();
        }

        if (request.Since > request.Until)
        {
            return ApiProblems.BadRange();
        }

        var scope = CallerScope.From(http.User);
        if (request.Province is not null && scope.ProvinceLimit is { } allowed && !allowed.Contains(request.Province))
        {
            return ApiProblems.OutsideScope();
        }

        var query = new FlagQuery(scope.ProvinceLimit, request.Province, scope.EnterpriseCode, request.Since, request.Until, limit);
        return TypedResults.Ok(await queries.ListFlagsAsync(query, ct));
    }
}
