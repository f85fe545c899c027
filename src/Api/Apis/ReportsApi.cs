using System.Text.Json;
using Inspection.Api.Identity;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Inspection.Contracts.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// Enterprise self-reporting (báo cáo định kỳ), once: the templates, the form pre-filled from the
/// registries, submission (machine-to-machine or from the portal, the same endpoint) with its receipt
/// (giấy biên nhận), the periods owed, and the receipts. An enterprise reports and reads only for
/// itself (another enterprise's receipt is not found); inspectors read within their provinces.
/// </summary>
public static class ReportsApi
{
    /// <summary>A report is a few dozen values and explanations: a body beyond this is not one.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports");
        var readers = new[] { InspectionRoles.Inspector, InspectionRoles.Leadership, InspectionRoles.Admin, InspectionRoles.Enterprise };
        reports.MapGet("/templates", (IReportCatalog catalog) => TypedResults.Ok(catalog.Templates))
            .WithName("ListReportTemplates").WithSummary("The report templates enterprises report on").RequireAuthorization(p => p.RequireRole(readers));
        reports.MapGet("/templates/{id}", GetTemplate)
            .WithName("GetReportTemplate").WithSummary("One report template: fields, checks and due date").RequireAuthorization(p => p.RequireRole(readers));
        reports.MapGet("/prefill", Prefill)
            .WithName("PrefillReport").WithSummary("A period's form, pre-filled with what the registries know").RequireAuthorization(p => p.RequireRole(readers));
        reports.MapGet("/obligations", Obligations)
            .WithName("ListReportObligations").WithSummary("The report periods an enterprise owes: received, due or overdue").RequireAuthorization(p => p.RequireRole(readers));
        reports.MapPost("/", Submit)
            .WithName("SubmitReport").WithSummary("Submits a report; answers with its receipt, field errors, or questions to explain")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireAuthorization(p => p.RequireRole(InspectionRoles.Enterprise));
        reports.MapGet("/", List)
            .WithName("ListReportReceipts").WithSummary("Receipts within the caller's scope, newest first").RequireAuthorization(p => p.RequireRole(readers));
        reports.MapGet("/{number}", GetReceipt)
            .WithName("GetReportReceipt").WithSummary("One receipt, with the values it covers").RequireAuthorization(p => p.RequireRole(readers));
        return app;
    }

    public static Results<Ok<ReportTemplate>, ProblemHttpResult> GetTemplate(string id, IReportCatalog catalog) =>
        catalog.Find(id) is { } template ? TypedResults.Ok(template) : UnknownTemplate(id);

    public static async Task<Results<Ok<ReportPrefill>, ProblemHttpResult>> Prefill(
        string? template, string? period, string? enterprise, HttpContext http, IReportCatalog catalog, IGrainFactory grains, IEvidenceQueries queries, CancellationToken ct)
    {
        if (catalog.Find(template ?? string.Empty) is null)
        {
            return UnknownTemplate(template);
        }

        var (code, problem) = await EnterpriseInScopeAsync(enterprise, http, queries, ct);
        if (problem is not null)
        {
            return problem;
        }

        return await grains.GetGrain<IEnterpriseGrain>(code!).PrefillReport(template!, period ?? string.Empty) is { } prefill
            ? TypedResults.Ok(prefill)
            : CasesApi.Invalid("period", "The period is the last month of a period of the template's frequency, yyyy-MM.");
    }

    public static async Task<Results<Ok<IReadOnlyList<ReportObligation>>, ProblemHttpResult>> Obligations(
        string? enterprise, HttpContext http, IGrainFactory grains, IEvidenceQueries queries, CancellationToken ct)
    {
        var (code, problem) = await EnterpriseInScopeAsync(enterprise, http, queries, ct);
        return problem ?? (Results<Ok<IReadOnlyList<ReportObligation>>, ProblemHttpResult>)TypedResults.Ok(await grains.GetGrain<IEnterpriseGrain>(code!).GetReportObligations());
    }

    public static async Task<Results<Created<ReportReceipt>, ProblemHttpResult>> Submit(
        ReportBody body, HttpContext http, IReportCatalog catalog, IGrainFactory grains, IEvidenceQueries queries, CancellationToken ct)
    {
        var scope = CallerScope.From(http.User);
        if (body.EnterpriseCode is { } named && named != scope.EnterpriseCode)
        {
            return TypedResults.Problem(title: "Not your enterprise", detail: "An enterprise account submits reports for its own enterprise only.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (catalog.Find(body.Template ?? string.Empty) is null)
        {
            return UnknownTemplate(body.Template);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in body.Values ?? [])
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    values[name] = value.GetRawText();
                    break;
                case JsonValueKind.String:
                    values[name] = value.GetString();
                    break;
                case JsonValueKind.Null:
                    values[name] = null;
                    break;
                default:
                    return CasesApi.Invalid($"values.{name}", "A value is a number or a string.");
            }
        }

        var (code, problem) = await EnterpriseInScopeAsync(scope.EnterpriseCode, http, queries, ct);
        if (problem is not null)
        {
            return problem;
        }

        var submission = new ReportSubmission(body.Template!, body.Period ?? string.Empty, values,
            body.Explanations ?? new Dictionary<string, string>(), body.Channel ?? ReportChannels.Api);
        var result = await grains.GetGrain<IEnterpriseGrain>(code!).SubmitReport(submission, CasesApi.Actor(http));
        if (result.Receipt is { } receipt)
        {
            return TypedResults.Created($"/api/reports/{receipt.Number}", receipt);
        }

        if (result.Errors.Count > 0)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message.En).ToArray()))
            {
                Title = "The report is not valid",
                Detail = "Mend the fields named under errors; nothing was stored.",
                Status = StatusCodes.Status400BadRequest,
                Extensions = { ["reportErrors"] = result.Errors },
            });
        }

        return TypedResults.Problem(new ProblemDetails
        {
            Title = "Explanation needed",
            Detail = "The report differs from the previous period or the registries; explain each difference under explanations, by its check id, and submit again. Nothing was stored.",
            Status = StatusCodes.Status422UnprocessableEntity,
            Extensions = { ["questions"] = result.Questions },
        });
    }

    public static async Task<Results<Ok<IReadOnlyList<ReportReceipt>>, ProblemHttpResult>> List(
        string? enterprise, string? template, int? limit, HttpContext http, IReportQueries reports, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > ApiProblems.MaxLimit)
        {
            return ApiProblems.BadLimit();
        }

        var scope = CallerScope.From(http.User);
        if (enterprise is not null && !ApiProblems.TryParseCode(enterprise, out _, out var invalid))
        {
            return invalid!;
        }

        var code = scope.Role == InspectionRoles.Enterprise ? scope.EnterpriseCode : enterprise;
        return TypedResults.Ok(await reports.ListReceiptsAsync(scope.ProvinceLimit, code, template, take, ct));
    }

    public static async Task<Results<Ok<ReportReceipt>, ProblemHttpResult>> GetReceipt(string number, HttpContext http, IReportQueries reports, CancellationToken ct)
    {
        var receipt = number.Length <= 40 ? await reports.GetReceiptAsync(number, ct) : null;
        var scope = CallerScope.From(http.User);
        if (receipt is null || (scope.Role == InspectionRoles.Enterprise && !scope.CanSee(receipt.EnterpriseCode, receipt.Province)))
        {
            return TypedResults.Problem(title: "Receipt not found", detail: $"No receipt {number} is within your scope.", statusCode: StatusCodes.Status404NotFound);
        }

        return scope.CanSee(receipt.EnterpriseCode, receipt.Province) ? TypedResults.Ok(receipt) : ApiProblems.OutsideScope();
    }

    /// <summary>The enterprise a read or a submission is about: an enterprise account's own; for staff, the one named, within their scope.</summary>
    private static async Task<(string? Code, ProblemHttpResult? Problem)> EnterpriseInScopeAsync(
        string? named, HttpContext http, IEvidenceQueries queries, CancellationToken ct)
    {
        var scope = CallerScope.From(http.User);
        var text = scope.Role == InspectionRoles.Enterprise ? scope.EnterpriseCode : named;
        if (text is null)
        {
            return (null, CasesApi.Invalid("enterprise", "Name the enterprise by its code."));
        }

        if (!ApiProblems.TryParseCode(text, out var code, out var invalid))
        {
            return (null, invalid);
        }

        var listing = await queries.GetEnterpriseAsync(code.Value, ct);
        if (listing is null)
        {
            return (null, ApiProblems.NotFound(code.Value));
        }

        return scope.CanSee(listing.Code, listing.Province) ? (listing.Code, null) : (null, ApiProblems.OutsideScope());
    }

    private static ProblemHttpResult UnknownTemplate(string? id) =>
        TypedResults.Problem(title: "Report template not found", detail: $"There is no report template '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
