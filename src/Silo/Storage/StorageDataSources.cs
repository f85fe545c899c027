using System.Data.Common;
using Npgsql;

namespace Inspection.Silo.Storage;

/// <summary>
/// The databases of one storage configuration. PostgreSQL keeps everything in one database behind one
/// connection pool; SQLite keeps Orleans state and evidence in two files, so that grain-state writes
/// and evidence writes never wait for each other.
/// </summary>
internal sealed class StorageDataSources : IAsyncDisposable, IDisposable
{
    private StorageDataSources(StorageProvider provider, DbDataSource orleans, DbDataSource evidence)
    {
        Provider = provider;
        Orleans = orleans;
        Evidence = evidence;
    }

    public StorageProvider Provider { get; }

    public DbDataSource Orleans { get; }

    public DbDataSource Evidence { get; }

    /// <summary>The ADO.NET invariant name under which Orleans knows the provider.</summary>
    public string OrleansInvariant => Provider == StorageProvider.Sqlite ? "System.Data.SQLite" : "Npgsql";

    /// <summary>Each database with the folder of the scripts that build its schema, in the order they must run.</summary>
    public IEnumerable<(string ScriptFolder, DbDataSource DataSource)> SchemaTargets => Provider == StorageProvider.Sqlite
        ? [("sqlite/orleans", Orleans), ("sqlite/evidence", Evidence)]
        : [("postgresql", Evidence)];

    public static StorageDataSources Create(StorageSettings settings)
    {
        if (settings.Provider == StorageProvider.PostgreSql)
        {
            var dataSource = NpgsqlDataSource.Create(settings.PostgreSqlConnectionString!);
            return new StorageDataSources(StorageProvider.PostgreSql, dataSource, dataSource);
        }

        Directory.CreateDirectory(settings.DataDirectory!);
        // Evidence is synced on every commit. Grain state (cursors, open flags) may lag it after a power
        // loss but never lead it: a cursor rolled back re-reads records the evidence store already holds,
        // which is harmless, while a cursor ahead of lost evidence would skip records for good.
        return new StorageDataSources(
            StorageProvider.Sqlite,
            new SqliteDataSource(settings.SqliteConnectionString(StorageSettings.OrleansDatabaseFile), syncEveryCommit: false),
            new SqliteDataSource(settings.SqliteConnectionString(StorageSettings.EvidenceDatabaseFile), syncEveryCommit: true));
    }

    public async ValueTask DisposeAsync()
    {
        await Evidence.DisposeAsync();
        if (!ReferenceEquals(Orleans, Evidence))
        {
            await Orleans.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Evidence.Dispose();
        if (!ReferenceEquals(Orleans, Evidence))
        {
            Orleans.Dispose();
        }
    }
}
