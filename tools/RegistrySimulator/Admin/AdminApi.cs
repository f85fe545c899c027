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

        group.MapGet("/inspection-outcomes", (SimulatorState state) =>
                TypedResults.Json(state.InspectionOutcomes, SimulatorJsonContext.Readable.IReadOnlyListInspectionOutcome))
            .WithName("inspection-outcomes")
            .WithSummary("The agency's past inspections during the history: the enterprise, when each was concluded, and whether it found a violation.");

        group.MapGet("/enterprises", (SimulatorState state) =>
                TypedResults.Json(state.ListEnterprises(), SimulatorJsonContext.Readable.IReadOnlyListEnterpriseSummary))
            .WithName("enterprises")
            .WithSummary("Every enterprise with its current status.");

        group.MapGet("/reads-from-start", (FromStartReads reads) =>
                TypedResults.Json(reads.Snapshot(), SimulatorJsonContext.Readable.IReadOnlyListFromStartRead))
            .WithName("reads-from-start")
            .WithSummary("Per enterprise and registry, how many record requests came without a cursor; per registry (enterprise null), how many change-feed reads did.");

        group.MapGet("/faults", (RegistryFaults faults) =>
                TypedResults.Json(faults.GetAll(), SimulatorJsonContext.Readable.IReadOnlyDictionaryStringFaultSettings))
            .WithName("faults")
            .WithSummary("The injected faults of every registry, by registry id.");

        group.MapPut("/faults/{registryId}", SetFaults)
            .WithName("set-faults")
            .WithSummary("Replaces the injected faults of one registry (fields left out are off) and restarts its fault sequence.");

        group.MapDelete("/faults/{registryId}", (string registryId, RegistryFaults faults) =>
            {
                if (RegistryFaults.FindRegistry(registryId) is null)
                {
                    return (IResult)UnknownRegistry(registryId);
                }

                faults.Clear(registryId);
                return TypedResults.NoContent();
            })
            .WithName("clear-registry-faults")
            .WithSummary("Turns every injected fault of one registry off.");

        group.MapDelete("/faults", (RegistryFaults faults) =>
            {
                faults.ClearAll();
                return TypedResults.NoContent();
            })
            .WithName("clear-faults")
            .WithSummary("Turns every injected fault of every registry off.");

        group.MapGet("/stats", (GatewayStats stats) =>
                TypedResults.Json(stats.Snapshot(), SimulatorJsonContext.Readable.IReadOnlyDictionaryStringRegistryStats))
            .WithName("stats")
            .WithSummary("Requests per registry: total, by outcome, and per second.");

        group.MapDelete("/stats", (GatewayStats stats) =>
            {
                stats.Reset();
                return TypedResults.NoContent();
            })
            .WithName("reset-stats")
            .WithSummary("Starts the request counts again from zero.");

        return endpoints;
    }

    private static Results<JsonHttpResult<FaultSettings>, ProblemHttpResult> SetFaults(string registryId, FaultSettings settings, RegistryFaults faults)
    {
        if (RegistryFaults.FindRegistry(registryId) is null)
        {
            return UnknownRegistry(registryId);
        }

        if (settings.FindProblem() is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Faults not set");
        }

        faults.Set(registryId, settings);
        return TypedResults.Json(faults.Get(registryId), SimulatorJsonContext.Readable.FaultSettings);
    }

    private static ProblemHttpResult UnknownRegistry(string registryId) => TypedResults.Problem(
        $"Unknown registry '{registryId}'. Known registries: {string.Join(", ", RegistryServices.All.Select(service => service.Id))}.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown registry");

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
            PlantRefusal.EnterpriseNotActive or PlantRefusal.NotApplicable or PlantRefusal.OnlyInHistory => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(outcome.Reason, statusCode: status, title: "Violation not planted");
    }
}
