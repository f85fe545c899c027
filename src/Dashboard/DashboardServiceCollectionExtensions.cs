using Inspection.Dashboard.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inspection.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds SignalR, this silo's risk-feed observer (which forwards flags to the hub) and the background
    /// service that keeps it subscribed. Needs an <see cref="IGrainFactory"/> (a silo or a cluster
    /// client) and authentication that accepts the hub's bearer token; see the README of src/Dashboard.
    /// </summary>
    public static IServiceCollection AddInspectionDashboard(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddOptions<RiskFeedSubscriptionOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RiskFeedHubForwarder>();
        services.AddHostedService<RiskFeedSubscriptionService>();
        return services;
    }
}
