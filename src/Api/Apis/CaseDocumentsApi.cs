using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Documents;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// The documents of a case: the enterprise answers a request with text and files (multipart form), each
/// file checked and stored by its SHA-256 before the answer is recorded; anyone who may see the case
/// downloads them, as attachments never rendered in the page, and each download is audited.
/// </summary>
public static class CaseDocumentsApi
{
    public static IEndpointRouteBuilder MapCaseDocumentsApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{id}").WithTags("Cases");
        cases.MapPost("/requests/{number:int}/answers", Answer)
            .WithName("AnswerRequest")
            .WithSummary("The enterprise answers a request: a multipart form with 'text' and any number of 'files'")
            .DisableAntiforgery()
            .RequireAuthorization(p => p.RequireRole(InspectionRoles.Enterprise));
        cases.MapGet("/documents/{sha256}", Download)
            .WithName("DownloadCaseDocument")
            .WithSummary("A document supplied in the case, as an attachment; audited")
            .RequireAuthorization(p => p.RequireRole(InspectionRoles.Inspector, InspectionRoles.Leadership, InspectionRoles.Admin, InspectionRoles.Enterprise));
        return app;
    }

    public static async Task<Results<Ok<CaseFile>, ProblemHttpResult>> Answer(
        string id, int number, HttpRequest request, HttpContext http, IGrainFactory grains, IDocumentStore documents, CancellationToken ct)
    {
        var (file, problem) = await CasesApi.VisibleAsync(id, http, grains);
        if (file is null)
        {
            return problem!;
        }

        // Nothing is stored for an answer the case would refuse.
        if (file.RefusesAnswerTo(number) is { } early)
        {
            return CasesApi.Refused(early);
        }

        if (!request.HasFormContentType)
        {
            return CasesApi.Invalid("body", "An answer is a multipart form: a 'text' field and any number of 'files'.");
        }

        var form = await request.ReadFormAsync(ct);
        var supplied = new List<DocumentRef>();
        foreach (var upload in form.Files)
        {
            await using var content = upload.OpenReadStream();
            var stored = await documents.PutAsync(content, upload.FileName, ct);
            if (!stored.IsStored)
            {
                return Refused(stored.Refusal, upload.FileName);
            }

            supplied.Add(stored.Document);
        }

        return await CasesApi.StepAsync(id, http, grains, (g, actor) => g.Answer(new NewAnswer(number, form["text"].ToString(), supplied), actor));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string id, string sha256, HttpContext http, IGrainFactory grains, IDocumentStore documents, IAuditTrail audit, CancellationToken ct)
    {
        var (file, problem) = await CasesApi.VisibleAsync(id, http, grains);
        if (file is null)
        {
            return problem!;
        }

        var supplied = file.Requests.SelectMany(r => r.Answers).SelectMany(a => a.Documents).FirstOrDefault(d => d.Sha256 == sha256);
        var stored = supplied is null ? null : await documents.OpenAsync(sha256, ct);
        if (supplied is null || stored is null)
        {
            return TypedResults.Problem(title: "Document not found", detail: $"Case {id} has no document {sha256}.", statusCode: StatusCodes.Status404NotFound);
        }

        var actor = CasesApi.Actor(http);
        await audit.AppendAsync(new AuditEvent(actor.Subject, actor.Role, "document.downloaded", $"case:{file.Id}",
            new Dictionary<string, string?> { ["sha256"] = sha256, ["size"] = stored.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct);
        // Served as a download in a sandbox, never sniffed or run as a page.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(stored.Content.ToArray(), stored.ContentType, supplied.FileName);
    }

    private static ProblemHttpResult Refused(DocumentRefusal refusal, string fileName) =>
        TypedResults.Problem(
            title: "The document was not accepted",
            detail: refusal.Message,
            statusCode: refusal.Code switch
            {
                DocumentRefusalCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
                DocumentRefusalCodes.TypeNotAllowed or DocumentRefusalCodes.TypeMismatch => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusCodes.Status400BadRequest,
            },
            extensions: new Dictionary<string, object?> { ["code"] = refusal.Code, ["file"] = fileName });
}
