using Inspection.TestSupport;
using System.Data.Common;
using Inspection.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Inspection.Silo.Tests.Support;

/// <summary>
/// A fresh, empty storage configuration for one test: a temp data folder (SQLite) or a new database
/// on the shared server (PostgreSQL). Dispose it to delete the folder.
/// </summary>
public sealed class StorageTestDatabase : IAsyncDisposable
{
    private readonly string? _dataDirectory;
    private readonly string? _connectionString;

    private StorageTestDatabase(StorageProvider provider, string? dataDirectory, string? connectionString)
    {
        Provider = provider;
        _dataDirectory = dataDirectory;
        _connectionString = connectionString;
    }

    public StorageProvider Provider { get; }

    public static async Task<StorageTestDatabase> CreateAsync(StorageProvider provider, PostgresServer postgres) =>
        provider == StorageProvider.Sqlite
            ? new StorageTestDatabase(provider, Directory.CreateTempSubdirectory("inspection-sqlite-").FullName, null)
            : new StorageTestDatabase(provider, null, await postgres.CreateDatabaseAsync());

    /// <summary>The settings the storage layer reads, plus any <paramref name="extra"/> keys.</summary>
    public IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = Provider.ToString() };
        if (Provider == StorageProvider.Sqlite)
        {
            settings["Storage:DataDirectory"] = _dataDirectory;
        }
        else
        {
            settings["ConnectionStrings:Inspection"] = _connectionString;
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>
    /// Opens a connection straight to one database, bypassing the storage layer: <c>orleans.db</c> or
    /// <c>evidence.db</c> on SQLite; the one database on PostgreSQL whichever is asked.
    /// </summary>
    public async Task<DbConnection> OpenAsync(string sqliteFile, CancellationToken ct = default)
    {
        DbConnection connection = Provider == StorageProvider.Sqlite
            ? new SqliteConnection($"Data Source={Path.Combine(_dataDirectory!, sqliteFile)};Pooling=False")
            : new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sqliteFile, string sql, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(sqliteFile, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sqliteFile, string sql, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(sqliteFile, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        if (_dataDirectory is not null)
        {
            // Pooled connections keep the files open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
