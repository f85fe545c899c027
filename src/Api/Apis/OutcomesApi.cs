using System.Globalization;
using System.Security.Claims;
using Inspection.Contracts;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Identity;
using Inspection.Contracts.Outcomes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Inspection.Api.Apis;

/// <summary>
/// Past inspection outcomes (kết quả thanh tra, kiểm tra), imported by an administrator from the agency's
/// case records: what the supervised risk model learns from. The whole batch is checked before anything
/// is stored; an import is written to the audit trail.
/// </summary>
public static class OutcomesApi
{
    /// <summary>The most outcomes one request may carry; a larger history is imported in several.</summary>
    public const int MaxBatch = 10_000;

    public const string ImportSource = "import";

    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/outcomes", Import)
            .WithTags("Outcomes")
            .WithName("ImportInspectionOutcomes")
            .WithSummary("Imports past inspection outcomes (enterprise code, decision date, violation found), all or none")
            .RequireAuthorization(policy => policy.RequireRole(InspectionRoles.Admin));
        return app;
    }

    public static async Task<Results<Ok<OutcomeImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        IReadOnlyList<OutcomeImport>? outcomes, HttpContext http, IInspectionOutcomes store, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (outcomes is null || outcomes.Count == 0)
        {
            return TypedResults.Problem(title: "No outcomes", detail: "The body must be a JSON array of outcomes.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (outcomes.Count > MaxBatch)
        {
            return TypedResults.Problem(
                title: "Too many outcomes",
                detail: $"One import carries at most {MaxBatch} outcomes; this one has {outcomes.Count}. Import the history in several requests.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var records = new List<InspectionOutcomeRecord>(outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"[{i}]");
            if (outcome is null)
            {
                errors[at] = ["An outcome must be an object."];
                continue;
            }

            if (!EnterpriseCode.TryParse(outcome.EnterpriseCode ?? string.Empty, out var code, out var invalid))
            {
                errors[$"{at}.enterpriseCode"] = [invalid];
            }

            if (outcome.DecidedOn is not { } decided || decided > today)
            {
                errors[$"{at}.decidedOn"] = ["The decision date is required (yyyy-MM-dd) and may not be in the future."];
            }

            if (outcome.ViolationFound is null)
            {
                errors[$"{at}.violationFound"] = ["Say whether the inspection found a violation (true or false)."];
            }

            if (!errors.Keys.Any(key => key.StartsWith(at, StringComparison.Ordinal)))
            {
                records.Add(new InspectionOutcomeRecord(code.Value, outcome.DecidedOn!.Value, outcome.ViolationFound!.Value, ImportSource));
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The outcomes are not valid; nothing was imported.");
        }

        var imported = await store.ImportAsync(records, ct);
        await audit.AppendAsync(new AuditEvent(
            http.User.FindFirstValue(InspectionClaims.Subject) ?? "unknown", InspectionRoles.Admin, "outcomes.imported", "outcomes",
            new Dictionary<string, string?>
            {
                ["received"] = records.Count.ToString(CultureInfo.InvariantCulture),
                ["imported"] = imported.ToString(CultureInfo.InvariantCulture),
            }), ct);
        return TypedResults.Ok(new OutcomeImportResult(records.Count, imported, records.Count - imported));
    }
}
