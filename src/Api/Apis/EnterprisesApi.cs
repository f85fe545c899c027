using Inspection.Api.Identity;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>Enterprises (doanh nghiệp) under supervision: the ranked list, a profile, its records.</summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization();

        api.MapGet("/", ListEnterprises)
            .WithName("ListEnterprises")
            .WithSummary("Enterprises within the caller's scope, ranked by risk");
        api.MapGet("/{code}", GetEnterprise)
            .WithName("GetEnterprise")
            .WithSummary("An enterprise's profile, risk and open flags with the evidence behind each");
        api.MapGet("/{code}/records", ListRecords)
            .WithName("ListEnterpriseRecords")
            .WithSummary("An enterprise's registry records with provenance, filtered by registry and fetch time");
        api.MapGet("/{code}/assessment", AssessAsOf)
            .WithName("AssessEnterpriseAsOf")
            .WithSummary("The flags the rules in force on a past date raise on the records of the periods up to it (nothing is stored)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<EnterpriseListing>>, ProblemHttpResult>> ListEnterprises(
        [AsParameters] EnterpriseListRequest request, HttpContext http, IEvidenceQueries queries, CancellationToken ct)
    {
        var limit = request.Limit ?? 50;
        if (limit is < 1 or > ApiProblems.MaxLimit || request.Offset is < 0)
        {
            return ApiProblems.BadLimit();
        }

        var scope = CallerScope.From(http.User);
        var query = new EnterpriseQuery(
            scope.ProvinceLimit, request.Province, request.Sector, request.RiskTier, scope.EnterpriseCode, limit, request.Offset ?? 0);
        return TypedResults.Ok(await queries.ListEnterprisesAsync(query, ct));
    }

    public static async Task<Results<Ok<EnterpriseDetail>, ProblemHttpResult>> GetEnterprise(
        string code, HttpContext http, IEvidenceQueries queries, IGrainFactory grains, IAuditTrail audit, CancellationToken ct)
    {
        var (listing, problem) = await FindVisibleAsync(code, http, queries, ct);
        if (listing is null)
        {
            return problem!;
        }

        await audit.AppendAsync(AuditEvents.Read(http.User, "enterprise.viewed", listing.Code, []), ct);

        var status = await grains.GetGrain<IEnterpriseGrain>(listing.Code).GetStatus();
        var open = status.OpenFlagIds.ToHashSet(StringComparer.Ordinal);
        var flags = (await queries.ListFlagsAsync(new FlagQuery(null, null, listing.Code, null, null, ApiProblems.MaxLimit), ct))
            .Where(f => open.Contains(f.FlagId))
            .ToList();
        var references = flags.SelectMany(f => f.RecordReferences).Distinct().ToList();
        var evidence = (await queries.GetRecordsByReferenceAsync(listing.Code, references, ct)).ToDictionary(r => r.Reference);
        var detail = new EnterpriseDetail(
            listing,
            [.. flags.Select(f => new FlagWithEvidence(f, [.. f.RecordReferences.Where(evidence.ContainsKey).Select(r => evidence[r])]))]);
        return TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<IReadOnlyList<Contracts.Registries.RegistryRecord>>, ProblemHttpResult>> ListRecords(
        string code, [AsParameters] RecordListRequest request, HttpContext http, IEvidenceQueries queries, IAuditTrail audit, CancellationToken ct)
    {
        var limit = request.Limit ?? 200;
        if (limit is < 1 or > ApiProblems.MaxLimit)
        {
            return ApiProblems.BadLimit();
        }

        if (request.From > request.To)
        {
            return ApiProblems.BadRange();
        }

        var (listing, problem) = await FindVisibleAsync(code, http, queries, ct);
        if (listing is null)
        {
            return problem!;
        }

        await audit.AppendAsync(AuditEvents.Read(http.User, "enterprise.records-viewed", listing.Code, [("registry", request.Registry)]), ct);
        var records = await queries.ListRecordsAsync(new RecordQuery(listing.Code, request.Registry, request.From, request.To, limit), ct);
        return TypedResults.Ok(records);
    }

    public static async Task<Results<Ok<IReadOnlyList<RiskFlag>>, ProblemHttpResult>> AssessAsOf(
        string code, DateOnly? asOf, HttpContext http, IEvidenceQueries queries, IGrainFactory grains, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (asOf is not { } day || day > today)
        {
            return TypedResults.Problem(
                title: "Invalid assessment date",
                detail: "asOf is required, as yyyy-MM-dd, and may not be in the future.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var (listing, problem) = await FindVisibleAsync(code, http, queries, ct);
        if (listing is null)
        {
            return problem!;
        }

        await audit.AppendAsync(AuditEvents.Read(http.User, "enterprise.assessed-as-of", listing.Code, [("asOf", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]), ct);
        return TypedResults.Ok(await grains.GetGrain<IEnterpriseGrain>(listing.Code).AssessAsOf(day));
    }

    /// <summary>
    /// Validates the code, then checks scope before existence for enterprise accounts, so an enterprise
    /// cannot probe which other codes are monitored.
    /// </summary>
    private static async Task<(EnterpriseListing? Listing, ProblemHttpResult? Problem)> FindVisibleAsync(
        string code, HttpContext http, IEvidenceQueries queries, CancellationToken ct)
    {
        if (!ApiProblems.TryParseCode(code, out var parsed, out var invalid))
        {
            return (null, invalid);
        }

        var scope = CallerScope.From(http.User);
        if (scope.EnterpriseCode is not null && scope.EnterpriseCode != parsed.Value)
        {
            return (null, ApiProblems.OutsideScope());
        }

        var listing = await queries.GetEnterpriseAsync(parsed.Value, ct);
        if (listing is null)
        {
            return (null, ApiProblems.NotFound(parsed.Value));
        }

        return scope.CanSee(listing.Code, listing.Province) ? (listing, null) : (null, ApiProblems.OutsideScope());
    }
}
