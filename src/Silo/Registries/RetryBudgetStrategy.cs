using Polly;

namespace Inspection.Silo.Registries;

/// <summary>
/// Makes each retry of a registry request wait for a token of the registry's budget, as the first attempt
/// did in <see cref="RegistryThrottle.EnterAsync"/>: without it, a registry answering 5xx would see every
/// request up to three times at the budget's rate. It sits between the retries and the circuit breaker,
/// so that the wait counts against the request's total timeout but neither against an attempt's timeout
/// nor as a failure of the registry.
/// </summary>
internal sealed class RetryBudgetStrategy(RegistryThrottle throttle, string registry) : ResilienceStrategy
{
    private static readonly ResiliencePropertyKey<bool> Attempted = new("Inspection.Registries.Attempted");

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        if (context.Properties.TryGetValue(Attempted, out _))
        {
            try
            {
                await throttle.SpendAsync(registry, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (OperationCanceledException ex)
            {
                return Outcome.FromException<TResult>(ex);
            }
        }
        else
        {
            context.Properties.Set(Attempted, true);
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
