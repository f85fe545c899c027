using Inspection.Api;
using Inspection.Dashboard;
using Inspection.Rules;
using Inspection.Silo.Documents;
using Inspection.Api.Ratio;
using Inspection.Contracts.Cases;
using Inspection.Silo.Cases;
using Inspection.Silo.Models;
using Inspection.Silo.Monitoring;
using Inspection.Silo.Registries;
using Inspection.Silo.RulePacks;
using Inspection.Contracts.RulePacks;
using Inspection.Silo.Storage;
using Inspection.Silo.Telemetry;

namespace Inspection.Silo.Hosting;

/// <summary>
/// Builds the whole platform in one process: the Orleans silo, the REST API, the dashboard and its hub,
/// and (in the embedded default) the registry simulator on loopback.
/// </summary>
public static class InspectionHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(InspectionHost).Assembly.GetName().Name,
            // appsettings.json sits beside the binaries, wherever the process was started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var simulator = await EmbeddedSimulator.StartIfEnabledAsync(builder.Configuration, ct);
        if (simulator is not null)
        {
            builder.Configuration[$"{RegistryOptions.SectionName}:{nameof(RegistryOptions.BaseAddress)}"] = simulator.BaseAddress.ToString();
            // A factory registration, so that the container disposes the simulator with the host.
            builder.Services.AddSingleton<IHostedService>(_ => simulator);
            builder.Services.AddSingleton(simulator);
            builder.Services.AddHostedService<SimulatorOutcomesImport>();
            builder.Services.AddHostedService<SimulatorCaseHistory>();
        }

        await DatabaseMigrator.MigrateAsync(builder.Configuration, ct);

        builder.AddInspectionTelemetry();
        builder.Services.AddInspectionStorage(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.UseInspectionStorage(builder.Configuration);
            if (builder.Configuration.ExportsTelemetry())
            {
                // Trace context travels with grain calls only when traces are exported.
                silo.AddActivityPropagation();
            }
        });
        builder.Services.AddSingleton(_ => LoadRulePack(builder.Configuration));
        builder.Services.AddSingleton<RulePackProvider>();
        builder.Services.AddHostedService<RulePackRefresher>();
        builder.Services.AddSingleton<IRuleCatalog, RuleCatalog>();
        builder.Services.AddInspectionRegistries(builder.Configuration);
        builder.Services.AddHostedService<EnterpriseDiscoveryService>();
        builder.Services.AddOptions<ModelOptions>().Bind(builder.Configuration.GetSection(ModelOptions.SectionName))
            .Validate(o => o.TrainingInterval >= TimeSpan.FromMinutes(1), "Models:TrainingInterval must be at least a minute.")
            .Validate(o => o.FirstTraining >= TimeSpan.Zero, "Models:FirstTraining may not be negative.")
            .Validate(o => o.MinimumPeerGroup >= 3, "Models:MinimumPeerGroup must be at least 3.")
            .ValidateOnStart();
        builder.Services.AddHostedService<RiskModelScheduler>();
        builder.Services.AddOptions<DocumentOptions>().Bind(builder.Configuration.GetSection(DocumentOptions.SectionName))
            .Validate(o => o.MaxBytes is > 0 and <= DocumentOptions.MaxBytesCeiling, "Documents:MaxBytes must be above zero and at most 512 MiB.")
            .ValidateOnStart();
        builder.Services.AddOptions<RatioOptions>().Bind(builder.Configuration.GetSection(RatioOptions.SectionName))
            .Validate(o => o.RemoteModes.Count > 0 && o.RemoteModes.All(CaseModes.All.Contains), "Ratio:RemoteModes must name modes among remote, on-site, hybrid.")
            .Validate(o => o.Targets.Values.All(t => t is > 0 and <= 1), "Ratio:Targets must be shares above 0 and at most 1.")
            .ValidateOnStart();
        builder.Services.AddInspectionCases(builder.Configuration);
        builder.Services.AddInspectionApi();
        builder.Services.AddInspectionDashboard();
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        app.MapInspectionApi();
        app.MapInspectionDashboard();
        return app;
    }

    private static RulePack LoadRulePack(IConfiguration configuration)
    {
        var path = configuration["Rules:PackPath"];
        return string.IsNullOrWhiteSpace(path) ? RulePack.LoadShipped() : RulePack.Load(File.ReadAllText(path));
    }
}
