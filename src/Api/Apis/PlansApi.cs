using Inspection.Api.Identity;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Identity;
using Inspection.Contracts.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// Inspection plans (kế hoạch thanh tra, kiểm tra): inspectors, within their provinces, and
/// administrators propose a plan from the risk queue and edit its draft; leadership reads every plan and
/// approves (phê duyệt), which locks it. An inspector sees only plans that lie wholly within their
/// provinces; enterprises see none. Every change is audited with the plan.
/// </summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Plans");
        var editors = new[] { InspectionRoles.Inspector, InspectionRoles.Admin };
        var readers = new[] { InspectionRoles.Inspector, InspectionRoles.Leadership, InspectionRoles.Admin };
        plans.MapPost("/", Propose).WithName("ProposePlan")
            .WithSummary("Proposes a draft plan: the top enterprises of the risk queue of the provinces, on each topic").RequireAuthorization(p => p.RequireRole(editors));
        plans.MapGet("/", List).WithName("ListPlans").WithSummary("Plans within the caller's scope, newest first").RequireAuthorization(p => p.RequireRole(readers));
        plans.MapGet("/{id}", Get).WithName("GetPlan")
            .WithSummary("One plan with its entries, their duplicate-check warnings and cases, and its progress").RequireAuthorization(p => p.RequireRole(readers));
        var edit = plans.MapGroup("/{id}").RequireAuthorization(p => p.RequireRole(editors));
        edit.MapPost("/entries", AddEntry).WithName("AddPlanEntry").WithSummary("Adds an enterprise to a draft plan by hand, with a note");
        edit.MapPatch("/entries/{number:int}", (string id, int number, ChangePlanEntryBody body, HttpContext http, IGrainFactory grains, IPlanQueries queries, CancellationToken ct) =>
            StepAsync(id, http, grains, queries, (g, a) => g.ChangeEntry(new PlanEntryChange(number, body.Topic, body.PlannedIn, body.Mode), a), ct))
            .WithName("ChangePlanEntry").WithSummary("Changes an entry's topic, timing or mode");
        edit.MapDelete("/entries/{number:int}", (string id, int number, HttpContext http, IGrainFactory grains, IPlanQueries queries, CancellationToken ct) =>
            StepAsync(id, http, grains, queries, (g, a) => g.RemoveEntry(number, a), ct))
            .WithName("RemovePlanEntry").WithSummary("Removes an entry from a draft plan");
        plans.MapPost("/{id}/approve", (string id, HttpContext http, IGrainFactory grains, IPlanQueries queries, CancellationToken ct) =>
            StepAsync(id, http, grains, queries, (g, a) => g.Approve(a), ct))
            .WithName("ApprovePlan").WithSummary("Approves the plan; it is then locked").RequireAuthorization(p => p.RequireRole(InspectionRoles.Leadership));
        return app;
    }

    public static async Task<Results<Created<PlanDetail>, ProblemHttpResult>> Propose(
        ProposePlanBody body, HttpContext http, IGrainFactory grains, IEvidenceQueries evidence, IPlanQueries queries, CancellationToken ct)
    {
        if (Period(body) is not { } period)
        {
            return CasesApi.Invalid("period", "Give the plan's year, or its first and last day (from, to), not both.");
        }

        var provinces = body.Provinces ?? [];
        var scope = CallerScope.From(http.User);
        if (scope.ProvinceLimit is { } own && provinces.Any(p => !own.Contains(p)))
        {
            return OutsideJurisdiction();
        }

        var size = body.Size ?? 0;
        var candidates = provinces.Count == 0 || size is < 1 or > ApiProblems.MaxLimit
            ? []
            : await evidence.ListEnterprisesAsync(new EnterpriseQuery([.. provinces], null, null, null, null, size, 0), ct);
        var id = Guid.CreateVersion7().ToString("N");
        var command = new NewPlan(body.Agency ?? string.Empty, body.Title ?? string.Empty, period.From, period.To, provinces, body.Topics ?? [], size,
            body.Mode ?? CaseModes.Remote, candidates);
        var result = await grains.GetGrain<IPlanGrain>(id).Propose(command, CasesApi.Actor(http));
        return result.Plan is { } plan ? TypedResults.Created($"/api/plans/{id}", await DetailAsync(plan, queries, ct)) : Refused(result.Refusal!);
    }

    public static async Task<Results<Ok<IReadOnlyList<InspectionPlan>>, ProblemHttpResult>> List(HttpContext http, IPlanQueries queries, int? limit, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > ApiProblems.MaxLimit)
        {
            return ApiProblems.BadLimit();
        }

        return TypedResults.Ok(await queries.ListPlansAsync(CallerScope.From(http.User).ProvinceLimit, take, ct));
    }

    public static async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> Get(string id, HttpContext http, IGrainFactory grains, IPlanQueries queries, CancellationToken ct)
    {
        var (plan, problem) = await VisibleAsync(id, http, grains);
        return plan is not null ? TypedResults.Ok(await DetailAsync(plan, queries, ct)) : problem!;
    }

    public static async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> AddEntry(
        string id, AddPlanEntryBody body, HttpContext http, IGrainFactory grains, IEvidenceQueries evidence, IPlanQueries queries, CancellationToken ct)
    {
        var (plan, problem) = await VisibleAsync(id, http, grains);
        if (plan is null)
        {
            return problem!;
        }

        if (!Contracts.EnterpriseCode.TryParse(body.EnterpriseCode ?? string.Empty, out var code, out var error))
        {
            return CasesApi.Invalid("enterpriseCode", error);
        }

        var listing = await evidence.GetEnterpriseAsync(code.Value, ct);
        if (listing is null)
        {
            return ApiProblems.NotFound(code.Value);
        }

        if (!CallerScope.From(http.User).CanSee(listing.Code, listing.Province))
        {
            return ApiProblems.OutsideScope();
        }

        var command = new NewPlanEntry(listing.Code, listing.Name, listing.Province, body.Topic ?? string.Empty, body.PlannedIn ?? string.Empty,
            body.Mode ?? CaseModes.Remote, body.Note ?? string.Empty);
        return await StepAsync(plan.Id, http, grains, queries, (g, a) => g.AddEntry(command, a), ct);
    }

    /// <summary>
    /// Why a case may not carry out plan entry <paramref name="reference"/> on <paramref name="enterpriseCode"/>,
    /// or null when it may: the plan is within the caller's scope and approved, the entry is that enterprise's,
    /// and no case under way or closed (other than cancelled) carries it out already.
    /// </summary>
    internal static async Task<ProblemHttpResult?> RefusesCaseForAsync(
        PlanReference reference, string enterpriseCode, HttpContext http, IGrainFactory grains, IPlanQueries queries, CancellationToken ct)
    {
        var (plan, problem) = await VisibleAsync(reference.PlanId, http, grains);
        if (plan is null)
        {
            return problem;
        }

        if (plan.Status != PlanStatuses.Approved)
        {
            return CasesApi.Invalid("plan", $"Plan {plan.Id} is a {plan.Status}: cases carry out an approved plan.");
        }

        if (plan.Entries.FirstOrDefault(e => e.Number == reference.EntryNumber) is not { } entry || entry.EnterpriseCode != enterpriseCode)
        {
            return CasesApi.Invalid("plan", $"Plan {plan.Id} has no entry {reference.EntryNumber} for enterprise {enterpriseCode}.");
        }

        var cases = await queries.ListPlanCasesAsync(plan.Id, ct);
        return cases.FirstOrDefault(c => c.EntryNumber == entry.Number && c.Status != CaseStatuses.Cancelled) is { } running
            ? TypedResults.Problem(title: "The entry has a case", detail: $"Case {running.CaseId} already carries out entry {entry.Number} of plan {plan.Id}.", statusCode: StatusCodes.Status409Conflict)
            : null;
    }

    private static async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> StepAsync(
        string id, HttpContext http, IGrainFactory grains, IPlanQueries queries, Func<IPlanGrain, CaseActor, Task<PlanResult>> step, CancellationToken ct)
    {
        var (plan, problem) = await VisibleAsync(id, http, grains);
        if (plan is null)
        {
            return problem!;
        }

        var result = await step(grains.GetGrain<IPlanGrain>(plan.Id), CasesApi.Actor(http));
        return result.Plan is { } next ? TypedResults.Ok(await DetailAsync(next, queries, ct)) : Refused(result.Refusal!);
    }

    /// <summary>The plan if the caller may see it: an inspector when it lies wholly within their provinces (403 otherwise), leadership and administrators all.</summary>
    private static async Task<(InspectionPlan? Plan, ProblemHttpResult? Problem)> VisibleAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParseExact(id, "N", out _))
        {
            return (null, TypedResults.Problem(title: "Invalid plan id", detail: "A plan id is 32 hexadecimal digits.", statusCode: StatusCodes.Status400BadRequest));
        }

        var plan = await grains.GetGrain<IPlanGrain>(id).Get();
        if (plan is null)
        {
            return (null, TypedResults.Problem(title: "Plan not found", detail: $"There is no plan {id}.", statusCode: StatusCodes.Status404NotFound));
        }

        return CallerScope.From(http.User).ProvinceLimit is { } own && plan.Provinces.Any(p => !own.Contains(p))
            ? (null, OutsideJurisdiction())
            : (plan, null);
    }

    private static async Task<PlanDetail> DetailAsync(InspectionPlan plan, IPlanQueries queries, CancellationToken ct)
    {
        var others = await queries.ListOverlappingAsync(plan.Id, plan.PeriodFrom, plan.PeriodTo, [.. plan.Entries.Select(e => e.EnterpriseCode).Distinct()], ct);
        return PlanDetail.From(plan, PlanConflicts.Find(plan, others), await queries.ListPlanCasesAsync(plan.Id, ct));
    }

    private static (DateOnly From, DateOnly To)? Period(ProposePlanBody body) => (body.Year, body.From, body.To) switch
    {
        ({ } year, null, null) when year is >= 2000 and <= 2100 => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
        (null, { } from, { } to) => (from, to),
        _ => null,
    };

    private static ProblemHttpResult OutsideJurisdiction() =>
        TypedResults.Problem(title: "Outside your jurisdiction", detail: "The plan covers provinces outside the scope of your account.", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult Refused(PlanRefusal refusal) => refusal.Code switch
    {
        PlanRefusal.Invalid => CasesApi.Invalid(refusal.Field ?? "body", refusal.Message),
        PlanRefusal.NotFound => TypedResults.Problem(title: "Not found", detail: refusal.Message, statusCode: StatusCodes.Status404NotFound),
        PlanRefusal.Locked => TypedResults.Problem(title: "The plan is locked", detail: refusal.Message, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(title: "Not a step the plan can take now", detail: refusal.Message, statusCode: StatusCodes.Status409Conflict),
    };
}
