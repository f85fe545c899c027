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
        HttpContext http, ICaseQueries cases, IOptions<RatioOptions> rule, string? groupBy, string? period, DateOnly? from, DateOnly? to, string? province, CancellationToken ct)
    {
        var (rows, problem) = await CountAsync(http, cases, rule.Value, new(groupBy, period, from, to, province), ct);
        return rows is not null ? TypedResults.Ok(rows) : problem!;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        HttpContext http, ICaseQueries cases, IOptions<RatioOptions> rule, string? format, string? groupBy, string? period, DateOnly? from, DateOnly? to, string? province, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return CasesApi.Invalid("format", "format is csv or xlsx.");
        }

        var (rows, problem) = await CountAsync(http, cases, rule.Value, new(groupBy, period, from, to, province), ct);
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
        HttpContext http, ICaseQueries cases, RatioOptions rule, RatioQuery query, CancellationToken ct)
    {
        var grouping = query.GroupBy ?? "all";
        var per = query.Period ?? "year";
        if (!RemoteRatio.Groupings.Contains(grouping))
        {
            return (null, CasesApi.Invalid("groupBy", $"groupBy is one of {string.Join(", ", RemoteRatio.Groupings)}."));
        }

        if (!RemoteRatio.Periods.Contains(per))
        {
            return (null, CasesApi.Invalid("period", $"period is one of {string.Join(", ", RemoteRatio.Periods)}."));
        }

        if (query.From > query.To)
        {
            return (null, ApiProblems.BadRange());
        }

        var scope = CallerScope.From(http.User);
        var provinces = scope.ProvinceLimit;
        if (query.Province is { } province)
        {
            // A drill-down into one province: within the caller's own, for an inspector.
            if (province.Length is 0 or > 10 || !province.All(char.IsAsciiLetterOrDigit))
            {
                return (null, CasesApi.Invalid("province", "province is a province code."));
            }

            if (provinces is not null && !provinces.Contains(province))
            {
                return (null, ApiProblems.OutsideScope());
            }

            provinces = [province];
        }

        var closed = await cases.ListClosedCasesAsync(
            provinces,
            query.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            query.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ct);
        return (RemoteRatio.Count(closed, grouping, per, rule), null);
    }

    /// <summary>What to count: grouped how, per which period, over which dates, and optionally in one province.</summary>
    private readonly record struct RatioQuery(string? GroupBy, string? Period, DateOnly? From, DateOnly? To, string? Province);
}
