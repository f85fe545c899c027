using Inspection.TestSupport;
using Inspection.Silo.Storage;
using Inspection.Silo.Tests.Support;

namespace Inspection.Silo.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseMigratorTests(PostgresServer postgres)
{
    private const string Orleans = "orleans.db";
    private const string Evidence = "evidence.db";

    private static readonly string[] PersistenceQueries = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] ClusteringAndReminderQueries =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Sqlite_fresh_databases_get_the_orleans_and_evidence_schemas()
    {
        await using var database = await StorageTestDatabase.CreateAsync(StorageProvider.Sqlite, postgres);

        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);

        Assert.Equal(2, await database.ScalarAsync<int>(Orleans, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(9, await database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM schema_migrations"));
        foreach (var key in PersistenceQueries)
        {
            Assert.Equal(1, await database.ScalarAsync<int>(Orleans, $"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
        }

        Assert.Equal(0, await database.ScalarAsync<int>(Orleans, "SELECT count(*) FROM OrleansStorage"));
        Assert.Equal(0, await database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM registry_records"));
        Assert.Equal(0, await database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM audit_log"));
        Assert.Equal(0, await database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM documents"));
        Assert.Equal("wal", await database.ScalarAsync<string>(Evidence, "PRAGMA journal_mode"));
        Assert.Equal("wal", await database.ScalarAsync<string>(Orleans, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task PostgreSql_fresh_database_gets_every_orleans_table_and_the_evidence_schema()
    {
        await using var database = await StorageTestDatabase.CreateAsync(StorageProvider.PostgreSql, postgres);

        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);

        Assert.Equal(13, await database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM schema_migrations"));
        foreach (var key in PersistenceQueries.Concat(ClusteringAndReminderQueries))
        {
            Assert.Equal(1, await database.ScalarAsync<int>(Evidence, $"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
        }

        foreach (var table in (string[])["OrleansMembershipTable", "OrleansMembershipVersionTable", "OrleansStorage", "OrleansRemindersTable", "registry_records", "risk_flags", "enterprises", "audit_log", "dry_run_flags", "rule_promotions", "inspection_outcomes", "risk_models", "documents"])
        {
            Assert.Equal(0, await database.ScalarAsync<int>(Evidence, $"SELECT count(*) FROM {table}"));
        }
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Running_again_changes_nothing(StorageProvider provider)
    {
        await using var database = await StorageTestDatabase.CreateAsync(provider, postgres);
        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);
        var ledger = await LedgerAsync(database);

        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);

        Assert.Equal(ledger, await LedgerAsync(database));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_script_changed_after_it_was_applied_stops_the_migration(StorageProvider provider)
    {
        await using var database = await StorageTestDatabase.CreateAsync(provider, postgres);
        await DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None);
        // What the database remembers differs from what the build ships, exactly as after an edit of the file.
        var script = await database.ScalarAsync<string>(Evidence, "SELECT min(name) FROM schema_migrations");
        await database.ExecuteAsync(Evidence, $"UPDATE schema_migrations SET sha256 = '{new string('0', 64)}' WHERE name = '{script}'");

        var drift = await Assert.ThrowsAsync<SchemaDriftException>(() => DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None));

        Assert.Equal(script, drift.ScriptName);
        Assert.Equal(new string('0', 64), drift.AppliedSha256);
        Assert.Contains(script, drift.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Silos_migrating_at_the_same_time_apply_each_script_once(StorageProvider provider)
    {
        await using var database = await StorageTestDatabase.CreateAsync(provider, postgres);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => DatabaseMigrator.MigrateAsync(database.Configuration(), CancellationToken.None))));

        Assert.Equal(provider == StorageProvider.Sqlite ? 9 : 13, await database.ScalarAsync<int>(Evidence, "SELECT count(*) FROM schema_migrations"));
    }

    private static async Task<string> LedgerAsync(StorageTestDatabase database)
    {
        await using var connection = await database.OpenAsync(Evidence);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sha256, applied_at_ms FROM schema_migrations ORDER BY name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}:{reader.GetString(1)}:{reader.GetInt64(2)}");
        }

        return string.Join(',', rows);
    }
}
