using Inspection.RegistrySimulator.Gateway;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Inspection.RegistrySimulator.Faults;

/// <summary>The first filter of every registry route: counts the request's arrival and its outcome in <see cref="GatewayStats"/>.</summary>
internal sealed class GatewayStatsFilter(GatewayStats stats) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var registry = httpContext.GetEndpoint()?.Metadata.GetMetadata<RegistryService>()?.Registry
            ?? throw new InvalidOperationException("A registry endpoint must carry its RegistryService as metadata.");
        var outcome = new RequestOutcome(stats, registry);
        httpContext.Features.Set(outcome);
        stats.Arrived(registry);
        try
        {
            var result = await next(context);
            outcome.Settle(Classify(result));
            return result;
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            outcome.Settle(GatewayOutcome.Aborted);
            return Results.Empty;
        }
        catch
        {
            outcome.Settle(GatewayOutcome.ServerError);
            throw;
        }
    }

    private static GatewayOutcome Classify(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return (result as IStatusCodeHttpResult)?.StatusCode switch
        {
            null or (>= 200 and < 300) => GatewayOutcome.Ok,
            StatusCodes.Status429TooManyRequests => GatewayOutcome.QuotaExceeded,
            >= 500 => GatewayOutcome.ServerError,
            _ => GatewayOutcome.Rejected,
        };
    }
}
