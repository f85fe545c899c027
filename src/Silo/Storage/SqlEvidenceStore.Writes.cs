using System.Data.Common;
using System.Text;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;

namespace Inspection.Silo.Storage;

internal sealed partial class SqlEvidenceStore : IEvidenceStore
{
    // Rows per INSERT statement on PostgreSQL: 200 records are 2,400 parameters, far below its 65,535,
    // and large enough that a full registry page is a handful of round trips.
    private const int RowsPerInsert = 200;

    private static readonly string EnterpriseUpsertSql =
        $"INSERT INTO enterprises ({string.Join(", ", EvidenceRows.EnterpriseColumns)}) "
        + $"VALUES ({string.Join(", ", EvidenceRows.EnterpriseColumns.Select((_, i) => $"@p{i}"))}) "
        + "ON CONFLICT (code) DO UPDATE SET "
        + string.Join(", ", EvidenceRows.EnterpriseColumns.Skip(1).Select(c => $"{c} = excluded.{c}"))
        + ";";

    private static readonly string LatestRecordsSql =
        $"SELECT {string.Join(", ", EvidenceRows.RecordColumns)} FROM registry_records AS r "
        + "WHERE enterprise_code = @p0 AND version = (SELECT MAX(l.version) FROM registry_records AS l "
        + "WHERE l.registry = r.registry AND l.record_id = r.record_id) "
        + "ORDER BY registry, record_id;";

    public async Task<int> AppendRecordsAsync(IReadOnlyList<RegistryRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var added = await AppendAsync("registry_records", EvidenceRows.RecordColumns, "registry, record_id, version", records, EvidenceRows.RecordValues, ct);
        LogRecordsAppended(_logger, added, records.Count);
        return added;
    }

    public async Task<int> AppendFlagsAsync(IReadOnlyList<RiskFlag> flags, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (flags.Count == 0)
        {
            return 0;
        }

        var added = await AppendAsync("risk_flags", EvidenceRows.FlagColumns, "flag_id", flags, EvidenceRows.FlagValues, ct);
        LogFlagsAppended(_logger, added, flags.Count);
        return added;
    }

    public async Task<int> AppendDryRunFlagsAsync(IReadOnlyList<RiskFlag> flags, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags.Count == 0 ? 0 : await AppendAsync("dry_run_flags", EvidenceRows.FlagColumns, "flag_id", flags, EvidenceRows.FlagValues, ct);
    }

    public Task UpsertEnterpriseAsync(EnterpriseListing listing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return _database.WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            foreach (var value in EvidenceRows.EnterpriseValues(listing))
            {
                command.Bind(value);
            }

            command.CommandText = EnterpriseUpsertSql;
            return await command.ExecuteNonQueryAsync(token);
        }, ct);
    }

    public async Task<IReadOnlyList<RegistryRecord>> GetLatestRecordsAsync(string enterpriseCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseCode);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.Bind(enterpriseCode);
        command.CommandText = LatestRecordsSql;
        return await command.ReadAllAsync(EvidenceRows.ReadRecord, ct);
    }

    /// <summary>Inserts the rows inside one transaction, skipping keys already stored.</summary>
    /// <returns>How many rows were inserted.</returns>
    private Task<int> AppendAsync<T>(
        string table, string[] columns, string key, IReadOnlyList<T> items, Func<T, object?[]> values, CancellationToken ct) =>
        _database.WriteAsync(
            (connection, transaction, token) => _database.Provider == StorageProvider.Sqlite
                ? InsertEachAsync(connection, transaction, table, columns, key, items, values, token)
                : InsertInChunksAsync(connection, transaction, table, columns, key, items, values, token),
            ct);

    /// <summary>
    /// SQLite runs in this process, so a round trip costs nothing; what costs is parsing SQL and binding
    /// parameters by name. One single-row statement, prepared once and re-bound per row, avoids both.
    /// </summary>
    private static async Task<int> InsertEachAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, string key,
        IReadOnlyList<T> items, Func<T, object?[]> values, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var placeholders = columns.Select(_ => command.Bind(null)).ToList();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", placeholders)}) "
            + $"ON CONFLICT ({key}) DO NOTHING;";
        await command.PrepareAsync(ct);
        var inserted = 0;
        foreach (var item in items)
        {
            var row = values(item);
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = row[i] ?? DBNull.Value;
            }

            inserted += await command.ExecuteNonQueryAsync(ct);
        }

        return inserted;
    }

    /// <summary>A server is a round trip away: multi-row statements make a registry page a handful of them.</summary>
    private static async Task<int> InsertInChunksAsync<T>(
        DbConnection connection, DbTransaction transaction, string table, string[] columns, string key,
        IReadOnlyList<T> items, Func<T, object?[]> values, CancellationToken ct)
    {
        var inserted = 0;
        foreach (var chunk in items.Chunk(RowsPerInsert))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES ");
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (").AppendJoin(", ", values(chunk[row]).Select(command.Bind)).Append(')');
            }

            // DO NOTHING also absorbs a key repeated inside the same batch.
            command.CommandText = sql.Append(" ON CONFLICT (").Append(key).Append(") DO NOTHING;").ToString();
            inserted += await command.ExecuteNonQueryAsync(ct);
        }

        return inserted;
    }
}
