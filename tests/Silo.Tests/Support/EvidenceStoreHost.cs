using Inspection.Contracts.Documents;
using Inspection.TestSupport;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Evidence;
using Inspection.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.Silo.Tests.Support;

/// <summary>The storage layer as the host wires it, on a fresh, migrated database.</summary>
public sealed class EvidenceStoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EvidenceStoreHost(StorageTestDatabase database, ServiceProvider services)
    {
        Database = database;
        _services = services;
    }

    public StorageTestDatabase Database { get; }

    public IEvidenceStore Store => _services.GetRequiredService<IEvidenceStore>();

    public IEvidenceQueries Queries => _services.GetRequiredService<IEvidenceQueries>();

    public IAuditTrail Audit => _services.GetRequiredService<IAuditTrail>();

    public IRulePromotions Promotions => _services.GetRequiredService<IRulePromotions>();

    public ICaseStore Cases => _services.GetRequiredService<ICaseStore>();

    public IPlanStore Plans => _services.GetRequiredService<IPlanStore>();

    public IDocumentStore Documents => _services.GetRequiredService<IDocumentStore>();

    public IReportStore Reports => _services.GetRequiredService<IReportStore>();

    /// <param name="configure">Changes to the services before they are built, such as options a host would bind.</param>
    public static async Task<EvidenceStoreHost> StartAsync(StorageProvider provider, PostgresServer postgres, Action<IServiceCollection>? configure = null)
    {
        var database = await StorageTestDatabase.CreateAsync(provider, postgres);
        var collection = new ServiceCollection().AddLogging().AddInspectionStorage(database.Configuration());
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new EvidenceStoreHost(database, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
