using Inspection.Api.Identity;
using Inspection.Api.Ratio;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Identity;
using Inspection.Contracts.Ratio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Inspection.Api.Apis;

/// <summary>
/// The remote-check ratio and hit rates (tỷ lệ kiểm tra từ xa), by the configured counting rule, for
/// leadership and administrators nationwide and for inspectors within their provinces.
/// </summary>
public static class RatioApi
{
    public static IEndpointRouteBuilder MapRatioApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ratio", Ratio)
            .WithTags("Ratio")
            .WithName("RemoteCheckRatio")
            .WithSummary("Remote checks / all checks and hit rates per period, by agency, province, sector or overall, against the targets")
            .RequireAuthorization(p => p.RequireRole(InspectionRoles.Leadership, InspectionRoles.Admin, InspectionRoles.Inspector));
        app.MapGet("/api/ratio/export", Export)
            .WithTags("Ratio")
            .WithName("ExportRemoteCheckRatio")
            .WithSummary("The same rows as a CSV or XLSX file (format=csv|xlsx)")
            .RequireAuthorization(p => p.RequireRole(InspectionRoles.Leadership, InspectionRoles.Admin, InspectionRoles.Inspector));
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RatioRow>>, ProblemHttpResult>> Ratio(
        HttpContext http, ICaseQueries cases, IOptions<RatioOptions> rule, string? groupBy, string? period, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (rows, problem) = await CountAsync(http, cases, rule.Value, groupBy, period, from, to, ct);
        return rows is not null ? TypedResults.Ok(rows) : problem!;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        HttpContext http, ICaseQueries cases, IOptions<RatioOptions> rule, string? format, string? groupBy, string? period, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return CasesApi.Invalid("format", "format is csv or xlsx.");
        }

        var (rows, problem) = await CountAsync(http, cases, rule.Value, groupBy, period, from, to, ct);
        if (rows is null)
        {
            return problem!;
        }

        var name = $"ti-le-kiem-tra-tu-xa-{groupBy ?? "all"}-{period ?? "year"}.{format}";
        return format == "csv"
            ? TypedResults.File(RatioExport.Csv(rows), RatioExport.CsvType, name)
            : TypedResults.File(RatioExport.Xlsx(rows), RatioExport.XlsxType, name);
    }

    private static async Task<(IReadOnlyList<RatioRow>? Rows, ProblemHttpResult? Problem)> CountAsync(
        HttpContext http, ICaseQueries cases, RatioOptions rule, string? groupBy, string? period, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var grouping = groupBy ?? "all";
        var per = period ?? "year";
        if (!RemoteRatio.Groupings.Contains(grouping))
        {
            return (null, CasesApi.Invalid("groupBy", $"groupBy is one of {string.Join(", ", RemoteRatio.Groupings)}."));
        }

        if (!RemoteRatio.Periods.Contains(per))
        {
            return (null, CasesApi.Invalid("period", $"period is one of {string.Join(", ", RemoteRatio.Periods)}."));
        }

        if (from > to)
        {
            return (null, ApiProblems.BadRange());
        }

        var scope = CallerScope.From(http.User);
        var closed = await cases.ListClosedCasesAsync(
            scope.ProvinceLimit,
            from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ct);
        return (RemoteRatio.Count(closed, grouping, per, rule), null);
    }
}
