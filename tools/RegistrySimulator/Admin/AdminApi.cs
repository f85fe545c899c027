using Inspection.RegistrySimulator.Gateway;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inspection.RegistrySimulator.Admin;

/// <summary>Controls for tests and demos, outside the gateway: no X-Road headers, token or quota.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapSimulatorAdmin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/simulator").WithTags("simulator");

        group.MapPost("/clock/advance", (SimulatorState state) =>
                TypedResults.Json(new PeriodPublication(state.AdvancePeriod()), SimulatorJsonContext.Readable.PeriodPublication))
            .WithName("advance-clock")
            .WithSummary("Publishes the next month's filings of every active enterprise now.");

        group.MapPost("/violations", PlantViolation)
            .WithName("plant-violation")
            .WithSummary("Publishes records that make an active enterprise break a rule, and records it in the ground truth.");

        group.MapGet("/ground-truth", (SimulatorState state) =>
                TypedResults.Json(state.GroundTruth, SimulatorJsonContext.Readable.IReadOnlyListGroundTruthEntry))
            .WithName("ground-truth")
            .WithSummary("Every planted violation.");

        group.MapGet("/enterprises", (SimulatorState state) =>
                TypedResults.Json(state.ListEnterprises(), SimulatorJsonContext.Readable.IReadOnlyListEnterpriseSummary))
            .WithName("enterprises")
            .WithSummary("Every enterprise with its current status.");

        group.MapGet("/reads-from-start", (FromStartReads reads) =>
                TypedResults.Json(reads.Snapshot(), SimulatorJsonContext.Readable.IReadOnlyListFromStartRead))
            .WithName("reads-from-start")
            .WithSummary("Per enterprise and registry, how many record requests came without a cursor.");

        return endpoints;
    }

    private static Results<JsonHttpResult<GroundTruthEntry>, ProblemHttpResult> PlantViolation(ViolationRequest request, SimulatorState state)
    {
        var outcome = state.PlantViolation(request.EnterpriseCode, request.RuleId);
        if (outcome.IsPlanted)
        {
            return TypedResults.Json(outcome.Entry, SimulatorJsonContext.Readable.GroundTruthEntry);
        }

        var status = outcome.Refusal switch
        {
            PlantRefusal.UnknownEnterprise => StatusCodes.Status404NotFound,
            PlantRefusal.EnterpriseNotActive => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(outcome.Reason, statusCode: status, title: "Violation not planted");
    }
}
