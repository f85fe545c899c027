using Inspection.RegistrySimulator.Admin;
using Inspection.RegistrySimulator.Gateway;
using Inspection.RegistrySimulator.Hosting;

namespace Inspection.RegistrySimulator;

/// <summary>Builds the simulator as a web app, for the standalone program and for hosts that run it in-process.</summary>
public static class RegistrySimulatorApp
{
    /// <summary>
    /// Generates the data and builds the app; the caller adds URLs (e.g. <c>app.Urls.Add("http://127.0.0.1:0")</c>,
    /// then reads the bound one from <c>app.Urls</c> after <c>StartAsync</c>) and runs it.
    /// </summary>
    /// <param name="options">The settings; validated here (<see cref="ArgumentException"/> when out of range).</param>
    /// <param name="args">Command-line arguments: <c>--urls</c> and <c>--Logging:…</c> are honoured.</param>
    /// <remarks>
    /// The app reads no appsettings.json or environment variables: run inside another host, it must not pick
    /// up that host's URLs or settings. The data lives in the <see cref="SimulatorState"/> singleton.
    /// </remarks>
    public static WebApplication Create(SimulatorOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
        if (args is { Length: > 0 })
        {
            builder.Configuration.AddCommandLine(args);
        }

        builder.WebHost.UseKestrelCore();
        builder.Logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true);

        var services = builder.Services;
        services.AddRoutingCore();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default));
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => SimulatorState.Generate(
            options, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SimulatorState>>()));
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<FromStartReads>();
        services.AddSingleton(provider => new RegistryFaults(options));
        services.AddSingleton(provider => new GatewayStats(provider.GetRequiredService<TimeProvider>()));
        if (options.GroundTruthPath is not null)
        {
            services.AddHostedService<GroundTruthFile>();
        }

        if (options.PeriodInterval is not null)
        {
            services.AddHostedService<SimulatorClock>();
        }

        var app = builder.Build();

        // Generate now rather than on the first request, which would otherwise wait for it.
        app.Services.GetRequiredService<SimulatorState>();

        app.UseMiddleware<XRoadResponseHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapRegistryApi();
        app.MapSimulatorAdmin();
        return app;
    }
}
