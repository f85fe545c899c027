using System.Security.Claims;
using Inspection.Api.Identity;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// Inspection cases (cuộc kiểm tra): inspectors open them on enterprises of their jurisdiction and take
/// every step; the enterprise reads its own cases and answers their requests; leadership reads. An
/// enterprise asking for another's case learns nothing of it (404). Each step is audited with the case.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        var staffOrEnterprise = new[] { InspectionRoles.Inspector, InspectionRoles.Leadership, InspectionRoles.Admin, InspectionRoles.Enterprise };
        cases.MapPost("/", Open).WithName("OpenCase").WithSummary("Opens a case on an enterprise under a decision").RequireAuthorization(p => p.RequireRole(InspectionRoles.Inspector));
        cases.MapGet("/", List).WithName("ListCases").WithSummary("Cases within the caller's scope, newest first").RequireAuthorization(p => p.RequireRole(staffOrEnterprise));
        cases.MapGet("/{id}", Get).WithName("GetCase").WithSummary("One case, as it stands").RequireAuthorization(p => p.RequireRole(staffOrEnterprise));
        var inspector = cases.MapGroup("/{id}").RequireAuthorization(p => p.RequireRole(InspectionRoles.Inspector));
        inspector.MapPost("/requests", (string id, RequestBody body, HttpContext http, IGrainFactory grains) =>
            StepAsync(id, http, grains, (g, a) => g.Request(new NewRequest(body.Text ?? string.Empty, body.DueOn), a)))
            .WithName("RequestFromEnterprise").WithSummary("Asks the enterprise for documents or data by a date");
        inspector.MapPost("/requests/{number:int}/review", (string id, int number, ReviewBody body, HttpContext http, IGrainFactory grains) =>
            StepAsync(id, http, grains, (g, a) => g.Review(new RequestReview(number, body.Accept, body.Note), a)))
            .WithName("ReviewAnswer").WithSummary("Accepts an answer, or returns it to the enterprise for more");
        inspector.MapPost("/requests/{number:int}/withdraw", (string id, int number, HttpContext http, IGrainFactory grains) =>
            StepAsync(id, http, grains, (g, a) => g.Withdraw(number, a)))
            .WithName("WithdrawRequest").WithSummary("Withdraws a request");
        inspector.MapPost("/mode", (string id, ModeBody body, HttpContext http, IGrainFactory grains) =>
            StepAsync(id, http, grains, (g, a) => g.ChangeMode(body.Mode ?? string.Empty, body.Reason ?? string.Empty, a)))
            .WithName("ChangeCaseMode").WithSummary("Changes the mode (remote, on-site, hybrid), saying why");
        inspector.MapPost("/findings", RecordFinding).WithName("RecordFinding").WithSummary("Records a finding tied to its evidence");
        inspector.MapPost("/conclusion", (string id, ConclusionBody body, HttpContext http, IGrainFactory grains) =>
            StepAsync(id, http, grains, (g, a) => g.Conclude(new NewConclusion(body.Outcome ?? string.Empty, body.Summary ?? string.Empty, body.FollowUps ?? []), a)))
            .WithName("ConcludeCase").WithSummary("Concludes the case with an outcome and follow-ups; the case is then locked");
        inspector.MapPost("/cancel", (string id, CancelBody body, HttpContext http, IGrainFactory grains) =>
            StepAsync(id, http, grains, (g, a) => g.Cancel(body.Reason ?? string.Empty, a)))
            .WithName("CancelCase").WithSummary("Cancels the case, saying why; the case is then locked");
        return app;
    }

    public static async Task<Results<Created<CaseFile>, ProblemHttpResult>> Open(
        OpenCaseBody body, HttpContext http, IGrainFactory grains, IEvidenceQueries queries, Contracts.Plans.IPlanQueries plans, CancellationToken ct)
    {
        if (!ApiProblems.TryParseCode(body.EnterpriseCode ?? string.Empty, out var code, out var invalid))
        {
            return invalid!;
        }

        var listing = await queries.GetEnterpriseAsync(code.Value, ct);
        if (listing is null)
        {
            return ApiProblems.NotFound(code.Value);
        }

        var scope = CallerScope.From(http.User);
        if (!scope.CanSee(listing.Code, listing.Province))
        {
            return ApiProblems.OutsideScope();
        }

        if (body.Decision is null)
        {
            return Invalid("decision", "A case opens under a decision: number, date, legal basis, scope, team and deadline.");
        }

        if (body.Plan is { } plan && await PlansApi.RefusesCaseForAsync(plan, listing.Code, http, grains, plans, ct) is { } planProblem)
        {
            return planProblem;
        }

        var id = Guid.CreateVersion7().ToString("N");
        var command = new OpenCase(listing.Code, listing.Province, listing.Sector, body.Agency ?? string.Empty, body.Selection ?? string.Empty,
            body.Decision, body.Mode ?? string.Empty, body.Plan);
        var result = await grains.GetGrain<ICaseGrain>(id).Open(command, Actor(http));
        return result.Case is { } opened ? TypedResults.Created($"/api/cases/{id}", opened) : Refused(result.Refusal!);
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseFile>>, ProblemHttpResult>> List(
        HttpContext http, ICaseQueries queries, string? status, int? limit, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > ApiProblems.MaxLimit)
        {
            return ApiProblems.BadLimit();
        }

        var scope = CallerScope.From(http.User);
        return TypedResults.Ok(await queries.ListCasesAsync(scope.ProvinceLimit, scope.EnterpriseCode, status, take, ct));
    }

    public static async Task<Results<Ok<CaseFile>, ProblemHttpResult>> Get(string id, HttpContext http, IGrainFactory grains)
    {
        var (file, problem) = await VisibleAsync(id, http, grains);
        return file is not null ? TypedResults.Ok(file) : problem!;
    }

    public static async Task<Results<Ok<CaseFile>, ProblemHttpResult>> RecordFinding(
        string id, FindingBody body, HttpContext http, IGrainFactory grains, IEvidenceQueries queries, CancellationToken ct)
    {
        var (file, problem) = await VisibleAsync(id, http, grains);
        if (file is null)
        {
            return problem!;
        }

        var evidence = body.Evidence ?? [];
        if (await ForeignEvidenceAsync(file.EnterpriseCode, evidence, queries, ct) is { } foreign)
        {
            return Invalid("evidence", $"{foreign.Kind} {foreign.Id} is not evidence about enterprise {file.EnterpriseCode}.");
        }

        return await StepAsync(id, http, grains, (g, a) => g.RecordFinding(new NewFinding(body.Text ?? string.Empty, body.IsViolation, evidence), a));
    }

    /// <summary>The first record or flag named that is not the enterprise's own; documents the case itself checks.</summary>
    private static async Task<CaseEvidence?> ForeignEvidenceAsync(string enterpriseCode, IReadOnlyList<CaseEvidence> evidence, IEvidenceQueries queries, CancellationToken ct)
    {
        var records = evidence.Where(e => e.Kind == EvidenceKinds.Record).ToList();
        if (records.Count > 0)
        {
            var found = (await queries.GetRecordsByReferenceAsync(enterpriseCode, [.. records.Select(r => r.Id)], ct))
                .Select(r => $"{r.RecordId}@v{r.Version}").ToHashSet(StringComparer.Ordinal);
            if (records.FirstOrDefault(r => !found.Contains(r.Id)) is { } missing)
            {
                return missing;
            }
        }

        var flags = evidence.Where(e => e.Kind == EvidenceKinds.Flag).ToList();
        if (flags.Count > 0)
        {
            var known = (await queries.ListFlagsAsync(new FlagQuery(null, null, enterpriseCode, null, null, ApiProblems.MaxLimit), ct))
                .Select(f => f.FlagId).ToHashSet(StringComparer.Ordinal);
            return flags.FirstOrDefault(f => !known.Contains(f.Id));
        }

        return null;
    }

    internal static async Task<Results<Ok<CaseFile>, ProblemHttpResult>> StepAsync(
        string id, HttpContext http, IGrainFactory grains, Func<ICaseGrain, CaseActor, Task<CaseResult>> step)
    {
        var (file, problem) = await VisibleAsync(id, http, grains);
        if (file is null)
        {
            return problem!;
        }

        var result = await step(grains.GetGrain<ICaseGrain>(file.Id), Actor(http));
        return result.Case is { } next ? TypedResults.Ok(next) : Refused(result.Refusal!);
    }

    /// <summary>
    /// The case if the caller may see it: an inspector within their provinces (403 outside), an enterprise
    /// only its own (404 otherwise, as if there were none), leadership and administrators all.
    /// </summary>
    internal static async Task<(CaseFile? File, ProblemHttpResult? Problem)> VisibleAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var notFound = TypedResults.Problem(title: "Case not found", detail: $"There is no case {id} within your scope.", statusCode: StatusCodes.Status404NotFound);
        if (!Guid.TryParseExact(id, "N", out _))
        {
            return (null, TypedResults.Problem(title: "Invalid case id", detail: "A case id is 32 hexadecimal digits.", statusCode: StatusCodes.Status400BadRequest));
        }

        var file = await grains.GetGrain<ICaseGrain>(id).Get();
        var scope = CallerScope.From(http.User);
        if (file is null || (scope.EnterpriseCode is not null && scope.EnterpriseCode != file.EnterpriseCode))
        {
            return (null, notFound);
        }

        return scope.CanSee(file.EnterpriseCode, file.Province) ? (file, null) : (null, ApiProblems.OutsideScope());
    }

    /// <summary>A field-level refusal: a validation ProblemDetails naming the field.</summary>
    internal static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "One or more fields are not valid",
            Status = StatusCodes.Status400BadRequest,
            Extensions = { ["refusal"] = CaseRefusal.Invalid, ["field"] = field },
        });

    internal static CaseActor Actor(HttpContext http) =>
        new(http.User.FindFirstValue(InspectionClaims.Subject) ?? "unknown", http.User.FindFirstValue(InspectionClaims.Role) ?? "unknown");

    /// <summary>
    /// A refused step as ProblemDetails; its <c>refusal</c> (and <c>field</c>, when one is named) extensions
    /// let a page say why in the user's language instead of quoting the English detail.
    /// </summary>
    internal static ProblemHttpResult Refused(CaseRefusal refusal) => refusal.Code switch
    {
        CaseRefusal.Invalid => Invalid(refusal.Field ?? "body", refusal.Message),
        CaseRefusal.NotFound => Problem("Not found", refusal, StatusCodes.Status404NotFound),
        CaseRefusal.Locked => Problem("The case is locked", refusal, StatusCodes.Status409Conflict),
        _ => Problem("Not a lawful step now", refusal, StatusCodes.Status409Conflict),
    };

    private static ProblemHttpResult Problem(string title, CaseRefusal refusal, int status)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["refusal"] = refusal.Code };
        if (refusal.Field is not null)
        {
            extensions["field"] = refusal.Field;
        }

        return TypedResults.Problem(title: title, detail: refusal.Message, statusCode: status, extensions: extensions);
    }
}
