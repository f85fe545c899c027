using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inspection.Silo.Storage;

/// <summary>
/// Brings the storage databases to the schema this build expects, before anything else uses them:
/// Orleans' clustering reads its tables the moment the silo starts. Each script runs once per database
/// and is recorded by name and SHA-256 in <c>schema_migrations</c>; running again is a no-op, and a
/// script changed after it was applied stops the start with a <see cref="SchemaDriftException"/>.
/// </summary>
public sealed partial class DatabaseMigrator
{
    // Any fixed number: it names the lock that keeps silos starting together from migrating at once.
    private const long PostgreSqlMigrationLock = 0x496E_7370_6563_7401;

    private const string LedgerDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            name          VARCHAR(200) NOT NULL PRIMARY KEY,
            sha256        CHAR(64)     NOT NULL,
            applied_at_ms BIGINT       NOT NULL
        );
        """;

    private readonly StorageDataSources _sources;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    internal DatabaseMigrator(StorageDataSources sources, ILogger<DatabaseMigrator> logger, TimeProvider time)
    {
        _sources = sources;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// Migrates the databases named by <paramref name="configuration"/> (section <c>Storage</c>,
    /// <c>ConnectionStrings:Inspection</c>) and closes its connections; call it before the host starts.
    /// </summary>
    public static Task MigrateAsync(IConfiguration configuration, CancellationToken ct) =>
        MigrateAsync(configuration, NullLoggerFactory.Instance, ct);

    /// <inheritdoc cref="MigrateAsync(IConfiguration, CancellationToken)"/>
    public static async Task MigrateAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        await using var sources = StorageDataSources.Create(StorageSettings.Resolve(configuration));
        await new DatabaseMigrator(sources, loggerFactory.CreateLogger<DatabaseMigrator>(), TimeProvider.System).MigrateAsync(ct);
    }

    /// <summary>Migrates the databases of this host's storage configuration.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        foreach (var (folder, dataSource) in _sources.SchemaTargets)
        {
            await MigrateAsync(folder, dataSource, ct);
        }
    }

    private async Task MigrateAsync(string folder, DbDataSource dataSource, CancellationToken ct)
    {
        var scripts = SchemaScript.LoadFolder(folder);
        var sqlite = _sources.Provider == StorageProvider.Sqlite;

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (sqlite)
        {
            // WAL lets readers run beside the writer; the mode is stored in the file, so setting it once is enough.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
        }

        // One transaction for the lot: a failing script leaves the database as it was, ledger included.
        // On SQLite it begins IMMEDIATE, which is also the lock against a second migrating process.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!sqlite)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgreSqlMigrationLock});", ct);
        }

        await ExecuteAsync(connection, transaction, LedgerDdl, ct);
        var applied = await ReadLedgerAsync(connection, transaction, ct);

        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Name, out var appliedHash) && !string.Equals(appliedHash, script.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                LogDrift(_logger, folder, script.Name);
                throw new SchemaDriftException(script.Name, appliedHash, script.Sha256);
            }
        }

        foreach (var name in applied.Keys.Except(scripts.Select(s => s.Name), StringComparer.Ordinal))
        {
            LogUnknownScript(_logger, folder, name);
        }

        var pending = scripts.Where(s => !applied.ContainsKey(s.Name)).ToList();
        foreach (var script in pending)
        {
            await ExecuteAsync(connection, transaction, script.Sql, ct);
            await RecordAsync(connection, transaction, script, ct);
            LogApplied(_logger, folder, script.Name);
        }

        await transaction.CommitAsync(ct);
        LogUpToDate(_logger, folder, scripts.Count, pending.Count);
    }

    private static async Task<Dictionary<string, string>> ReadLedgerAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, sha256 FROM schema_migrations;";
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetString(0)] = reader.GetString(1).Trim();
        }

        return applied;
    }

    private async Task RecordAsync(DbConnection connection, DbTransaction transaction, SchemaScript script, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schema_migrations (name, sha256, applied_at_ms) VALUES (@name, @sha256, @applied_at_ms);";
        command.AddParameter("@name", script.Name);
        command.AddParameter("@sha256", script.Sha256);
        command.AddParameter("@applied_at_ms", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Applied schema script {Folder}/{Script}")]
    private static partial void LogApplied(ILogger logger, string folder, string script);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Schema {Folder} is up to date: {Total} scripts, {Applied} applied now")]
    private static partial void LogUpToDate(ILogger logger, string folder, int total, int applied);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Critical, Message = "Schema script {Folder}/{Script} was changed after it was applied; refusing to start")]
    private static partial void LogDrift(ILogger logger, string folder, string script);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Database {Folder} records applied script {Script}, which this build does not ship")]
    private static partial void LogUnknownScript(ILogger logger, string folder, string script);
}
