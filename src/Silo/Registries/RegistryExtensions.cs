using System.Net;
using Dapr.Client;
using Inspection.Contracts.Operations;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Inspection.Silo.Registries;

public static class RegistryExtensions
{
    /// <summary>
    /// Registers one HTTP client per configured registry, each with its own resilience pipeline (total
    /// timeout, retries with jitter that each wait for a budget token, a circuit breaker, a per-attempt
    /// timeout), so that one registry failing never trips or slows the others.
    /// </summary>
    public static IServiceCollection AddInspectionRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryOptions>()
            .BindConfiguration(RegistryOptions.SectionName)
            .Validate(o => o.Sources.Values.All(s => s.Transport == RegistryTransport.Dapr || o.BaseAddress is not null),
                $"{RegistryOptions.SectionName}:BaseAddress must be set unless the embedded simulator runs or every registry goes through Dapr.")
            .Validate(o => o.Sources.Values.All(s => s.Transport != RegistryTransport.Dapr || !string.IsNullOrWhiteSpace(s.DaprAppId)),
                "A registry with the Dapr transport needs its DaprAppId.")
            .Validate(o => o.PageSize is > 0 and <= 1000, $"{RegistryOptions.SectionName}:PageSize must be between 1 and 1000.")
            .Validate(o => o.MaxConcurrentRequests > 0, $"{RegistryOptions.SectionName}:MaxConcurrentRequests must be positive.")
            .Validate(o => o.ChangeFeedStaleAfter > TimeSpan.Zero, $"{RegistryOptions.SectionName}:ChangeFeedStaleAfter must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IClusterShare, MembershipClusterShare>();
        services.AddSingleton<RegistryThrottle>();
        services.AddSingleton<RegistryHealthMonitor>();
        services.AddSingleton<IRegistryHealthQueries>(sp => sp.GetRequiredService<RegistryHealthMonitor>());
        services.AddSingleton<RegistryClient>();
        services.AddSingleton<FeedCompletenessMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedCompletenessMonitor>());

        // The set of registries is fixed at start-up: each gets its own client and pipeline.
        var configured = new RegistryOptions();
        configuration.GetSection(RegistryOptions.SectionName).Bind(configured);
        foreach (var (registry, source) in configured.Sources)
        {
            var client = services.AddHttpClient(RegistryClient.HttpClientName(registry), (sp, http) =>
            {
                var settings = sp.GetRequiredService<IOptions<RegistryOptions>>().Value;
                http.BaseAddress = source.Transport == RegistryTransport.Dapr ? new Uri($"http://{source.DaprAppId}") : settings.BaseAddress;
                // The pipeline's own timeouts govern; the client's must not cut them short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            });
            if (source.Transport == RegistryTransport.Dapr)
            {
                // Dapr's handler rewrites http://{appId}/path to the sidecar's /v1.0/invoke/{appId}/method/path.
                client.AddHttpMessageHandler(sp => new InvocationHandler
                {
                    DaprEndpoint = sp.GetRequiredService<IOptions<RegistryOptions>>().Value.DaprEndpoint.ToString(),
                });
            }

            client.AddResilienceHandler($"registry-{registry}", (pipeline, context) => Configure(pipeline, context, registry));
        }

        return services;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context, string registry)
    {
        var settings = context.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>().Value;
        var health = context.ServiceProvider.GetRequiredService<RegistryHealthMonitor>();
        var throttle = context.ServiceProvider.GetRequiredService<RegistryThrottle>();
        pipeline
            .AddTimeout(settings.RequestTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddStrategy(_ => new RetryBudgetStrategy(throttle, registry))
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
                StateProvider = health.CircuitFor(registry),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(settings.AttemptTimeout);
    }

    /// <summary>
    /// Failures worth retrying and counting against the circuit: no answer, a timeout, a 5xx or 408. A 429
    /// is not one of them: the registry is well and asked to be left alone, which the throttle honours.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
