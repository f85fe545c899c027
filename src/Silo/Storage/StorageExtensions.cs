using Inspection.Contracts.Documents;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Outcomes;
using Inspection.Contracts.Reports;
using Inspection.Silo.Documents;
using Inspection.Silo.Reports;
using Orleans.Configuration;
using Orleans.Storage;

namespace Inspection.Silo.Storage;

/// <summary>
/// Wires the storage layer. Program order: <see cref="DatabaseMigrator.MigrateAsync(IConfiguration, CancellationToken)"/>,
/// then <see cref="AddInspectionStorage"/> and <see cref="UseInspectionStorage"/>, then build and run the host.
/// </summary>
public static class StorageExtensions
{
    /// <summary>
    /// Registers the storage options, the data sources, <see cref="IEvidenceStore"/>, <see cref="IEvidenceQueries"/>,
    /// <see cref="IAuditTrail"/>, <see cref="IRulePromotions"/>, <see cref="IDocumentStore"/> with its <see cref="DocumentPolicy"/>
    /// (whose <see cref="DocumentOptions"/> the host binds) and the <see cref="DatabaseMigrator"/>. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddInspectionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(StorageDataSources)))
        {
            return services;
        }

        // Resolved now, so that a PostgreSQL mode without a connection string fails at start-up, not at first use.
        var settings = StorageSettings.Resolve(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton(_ => StorageDataSources.Create(settings));
        // One per process: on SQLite it is the evidence file's single writer, which the evidence store and the audit trail share.
        services.AddSingleton(sp =>
        {
            var sources = sp.GetRequiredService<StorageDataSources>();
            return new EvidenceDatabase(sources.Evidence, sources.Provider);
        });
        services.AddSingleton(sp => new SqlEvidenceStore(sp.GetRequiredService<EvidenceDatabase>(), sp.GetRequiredService<ILogger<SqlEvidenceStore>>()));
        services.AddSingleton(sp => new SqlAuditTrail(sp.GetRequiredService<EvidenceDatabase>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<SqlAuditTrail>());
        services.AddSingleton<ICaseStore>(sp => new SqlCaseStore(sp.GetRequiredService<EvidenceDatabase>(), sp.GetRequiredService<SqlAuditTrail>()));
        services.AddSingleton<ICaseQueries>(sp => sp.GetRequiredService<ICaseStore>());
        services.AddSingleton<IReportStore>(sp => new SqlReportStore(sp.GetRequiredService<EvidenceDatabase>(), sp.GetRequiredService<SqlAuditTrail>()));
        services.AddSingleton<IReportQueries>(sp => sp.GetRequiredService<IReportStore>());
        services.AddSingleton<IReportCatalog>(_ => ReportCatalog.LoadShipped());
        services.AddSingleton<IPlanStore>(sp => new SqlPlanStore(sp.GetRequiredService<EvidenceDatabase>(), sp.GetRequiredService<SqlAuditTrail>()));
        services.AddSingleton<Contracts.Plans.IPlanQueries>(sp => sp.GetRequiredService<IPlanStore>());
        services.AddSingleton<IRulePromotions>(sp => new SqlRulePromotions(sp.GetRequiredService<EvidenceDatabase>()));
        services.AddSingleton<IRiskModelHistory>(sp => new SqlRiskModelHistory(sp.GetRequiredService<EvidenceDatabase>()));
        services.AddSingleton<DocumentPolicy>();
        services.AddSingleton<IDocumentStore>(sp => new SqlDocumentStore(
            sp.GetRequiredService<EvidenceDatabase>(),
            sp.GetRequiredService<DocumentPolicy>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<SqlDocumentStore>>()));
        services.AddSingleton<IInspectionOutcomes>(sp => new SqlInspectionOutcomes(sp.GetRequiredService<EvidenceDatabase>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<SqlEvidenceStore>());
        services.AddSingleton<IEvidenceQueries>(sp => sp.GetRequiredService<SqlEvidenceStore>());
        services.AddSingleton(sp => new DatabaseMigrator(
            sp.GetRequiredService<StorageDataSources>(),
            sp.GetRequiredService<ILogger<DatabaseMigrator>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    /// <summary>
    /// Configures the silo's storage: the <c>"enterprises"</c> grain storage on the configured database and,
    /// by provider, localhost clustering with in-memory reminders (SQLite) or ADO.NET clustering and
    /// reminders (PostgreSQL). Cluster id, service id and ports come from the <c>Orleans</c> section.
    /// Also calls <see cref="AddInspectionStorage"/>.
    /// </summary>
    private const string SqliteGrainStorageName = GrainStorageNames.Enterprises + "-sqlite";

    public static ISiloBuilder UseInspectionStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        silo.Services.AddInspectionStorage(configuration);
        var provider = StorageSettings.Resolve(configuration).Provider;
        var endpoints = SiloEndpointSettings.From(configuration);

        // On SQLite the ADO.NET storage sits behind a wrapper that keeps its synchronous I/O off the scheduler.
        var adoNetStorage = provider == StorageProvider.Sqlite ? SqliteGrainStorageName : GrainStorageNames.Enterprises;
        silo.AddAdoNetGrainStorage(adoNetStorage, options => options.Configure<StorageDataSources>((o, sources) =>
        {
            o.Invariant = sources.OrleansInvariant;
            o.DataSource = sources.Orleans;
        }));

        if (provider == StorageProvider.Sqlite)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                GrainStorageNames.Enterprises,
                (sp, _) => new OffSchedulerGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(SqliteGrainStorageName)));
            // Orleans' ADO.NET clustering and reminders do not run on SQLite: the embedded mode is a single silo.
            silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId);
            silo.UseInMemoryReminderService();
            return silo;
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = endpoints.ClusterId;
            o.ServiceId = endpoints.ServiceId;
        });
        silo.ConfigureEndpoints(endpoints.AdvertisedAddress, endpoints.SiloPort, endpoints.GatewayPort);
        silo.UseAdoNetClustering(options => options.Configure<StorageDataSources>((o, sources) =>
        {
            o.Invariant = sources.OrleansInvariant;
            o.DataSource = sources.Orleans;
        }));
        silo.UseAdoNetReminderService(options => options.Configure<StorageDataSources>((o, sources) =>
        {
            o.Invariant = sources.OrleansInvariant;
            o.DataSource = sources.Orleans;
        }));
        return silo;
    }
}
