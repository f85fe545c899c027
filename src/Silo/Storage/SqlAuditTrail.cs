using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Inspection.Contracts.Audit;

namespace Inspection.Silo.Storage;

/// <summary>
/// The audit trail in the evidence database. Appends go through the evidence database's one way of
/// writing; each reads the last entry and links to it inside its own transaction, which is serialised:
/// on SQLite by the single writer, on PostgreSQL by a transaction-scoped advisory lock, so that the
/// silos of a cluster never fork the chain.
/// </summary>
internal sealed class SqlAuditTrail(EvidenceDatabase database, TimeProvider time) : IAuditTrail
{
    // Any constant both sides agree on; distinct from the schema migration's lock.
    private const long PostgreSqlAuditLock = 0x1A5D17_0A0D17;
    private const string Columns = "sequence, at_ms, actor, actor_role, action, subject, details_json, previous_hash, hash";

    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken ct) =>
        database.WriteAsync((connection, transaction, token) => AppendAsync(connection, transaction, auditEvent, token), ct);

    /// <summary>Appends within the caller's transaction: what is audited and its entry commit together, or neither.</summary>
    internal Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, AuditEvent auditEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.ActorRole);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Subject);
        ArgumentNullException.ThrowIfNull(auditEvent.Details);
        // Keys in order, so that the stored text (what the hash covers) does not depend on how the caller built the details.
        var details = JsonSerializer.Serialize(
            new SortedDictionary<string, string?>(auditEvent.Details.ToDictionary(), StringComparer.Ordinal),
            EvidenceJson.Default.SortedDictionaryStringString);
        return LinkAsync(connection, transaction, auditEvent, details, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, SqlEvidenceStore.MaxPageSize);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        where.Equal("subject", query.Subject);
        where.Equal("action", query.Action);
        if (query.Before is { } before)
        {
            where.Add($"sequence < {command.Bind(before)}");
        }

        command.CommandText = $"SELECT {Columns} FROM audit_log{where} ORDER BY sequence DESC LIMIT {command.Bind(query.Limit)};";
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY sequence;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var previous = AuditChain.Genesis;
        var expected = 1L;
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            var problem = sequence != expected ? $"entry {expected} is missing"
                : reader.GetString(7) != previous ? "it does not link to the entry before it"
                : AuditChain.Hash(sequence, reader.GetInt64(1), ReadEvent(reader), reader.GetString(6), previous) != reader.GetString(8)
                    ? "its content does not match its hash"
                    : null;
            if (problem is not null)
            {
                return new AuditVerification(false, expected - 1, expected, $"Audit entry {expected.ToString(CultureInfo.InvariantCulture)} is broken: {problem}.");
            }

            previous = reader.GetString(8);
            expected++;
        }

        return new AuditVerification(true, expected - 1, null, null);
    }

    private async Task<AuditEntry> LinkAsync(DbConnection connection, DbTransaction transaction, AuditEvent auditEvent, string details, CancellationToken ct)
    {
        if (database.Provider == StorageProvider.PostgreSql)
        {
            await using var lockCommand = connection.CreateCommand();
            lockCommand.Transaction = transaction;
            lockCommand.CommandText = $"SELECT pg_advisory_xact_lock({PostgreSqlAuditLock.ToString(CultureInfo.InvariantCulture)});";
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        var (sequence, previous) = (1L, AuditChain.Genesis);
        await using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1;";
            await using var reader = await last.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                (sequence, previous) = (reader.GetInt64(0) + 1, reader.GetString(1));
            }
        }

        var atMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = AuditChain.Hash(sequence, atMs, auditEvent, details, previous);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        object?[] values = [sequence, atMs, auditEvent.Actor, auditEvent.ActorRole, auditEvent.Action, auditEvent.Subject, details, previous, hash];
        insert.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES ({string.Join(", ", values.Select(insert.Bind))});";
        await insert.ExecuteNonQueryAsync(ct);
        return new AuditEntry(sequence, DateTimeOffset.FromUnixTimeMilliseconds(atMs), auditEvent with { Details = Parse(details) }, previous, hash);
    }

    private static AuditEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        ReadEvent(reader),
        reader.GetString(7),
        reader.GetString(8));

    private static AuditEvent ReadEvent(DbDataReader reader) =>
        new(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), Parse(reader.GetString(6)));

    private static IReadOnlyDictionary<string, string?> Parse(string json) =>
        JsonSerializer.Deserialize(json, EvidenceJson.Default.IReadOnlyDictionaryStringString) ?? new Dictionary<string, string?>();
}
