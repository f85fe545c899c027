using System.Data.Common;
using System.Text.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;

namespace Inspection.Silo.Storage;

/// <summary>The inspection cases in the evidence database (<see cref="ICaseStore"/>), each case as JSON.</summary>
internal sealed class SqlCaseStore(EvidenceDatabase database, SqlAuditTrail audit) : ICaseStore
{
    public async Task<CaseFile?> GetAsync(string caseId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT case_json FROM cases WHERE case_id = {command.Bind(caseId)};";
        return await command.ExecuteScalarAsync(ct) is string json ? Read(json) : null;
    }

    public Task RecordAsync(CaseFile file, string action, CaseActor actor, DateTimeOffset at, IReadOnlyDictionary<string, string?> details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        var json = JsonSerializer.Serialize(file, EvidenceJson.Default.CaseFile);
        return database.WriteAsync(async (connection, transaction, token) =>
        {
            await using (var step = connection.CreateCommand())
            {
                step.Transaction = transaction;
                step.CommandText = "INSERT INTO case_events (case_id, version, action, at_ms, actor, case_json) VALUES ("
                    + $"{step.Bind(file.Id)}, {step.Bind(file.Version)}, {step.Bind(action)}, {step.Bind(at.ToUnixTimeMilliseconds())}, {step.Bind(actor.Subject)}, {step.Bind(json)}) "
                    + "ON CONFLICT (case_id, version) DO NOTHING;";
                if (await step.ExecuteNonQueryAsync(token) == 0)
                {
                    throw new CaseConflictException(file.Id, file.Version);
                }
            }

            await using (var latest = connection.CreateCommand())
            {
                latest.Transaction = transaction;
                latest.CommandText = "INSERT INTO cases (case_id, enterprise_code, province, sector, agency, selection, mode, status, outcome, opened_at_ms, concluded_at_ms, version, case_json) VALUES ("
                    + $"{latest.Bind(file.Id)}, {latest.Bind(file.EnterpriseCode)}, {latest.Bind(file.Province)}, {latest.Bind(file.Sector)}, {latest.Bind(file.Agency)}, "
                    + $"{latest.Bind(file.Selection)}, {latest.Bind(file.Mode)}, {latest.Bind(file.Status)}, {latest.Bind(file.Conclusion?.Outcome)}, "
                    + $"{latest.Bind(file.OpenedAt.ToUnixTimeMilliseconds())}, {latest.Bind(file.Conclusion?.ConcludedAt.ToUnixTimeMilliseconds())}, {latest.Bind(file.Version)}, {latest.Bind(json)}) "
                    + "ON CONFLICT (case_id) DO UPDATE SET mode = excluded.mode, status = excluded.status, outcome = excluded.outcome, "
                    + "concluded_at_ms = excluded.concluded_at_ms, version = excluded.version, case_json = excluded.case_json WHERE cases.version < excluded.version;";
                await latest.ExecuteNonQueryAsync(token);
            }

            if (file.Plan is { } plan)
            {
                await using var carriedOut = connection.CreateCommand();
                carriedOut.Transaction = transaction;
                carriedOut.CommandText = "INSERT INTO plan_cases (case_id, plan_id, entry_number) VALUES ("
                    + $"{carriedOut.Bind(file.Id)}, {carriedOut.Bind(plan.PlanId)}, {carriedOut.Bind(plan.EntryNumber)}) ON CONFLICT (case_id) DO NOTHING;";
                await carriedOut.ExecuteNonQueryAsync(token);
            }

            return await audit.AppendAsync(connection, transaction, new AuditEvent(actor.Subject, actor.Role, action, $"case:{file.Id}", details), token);
        }, ct);
    }

    public async Task<IReadOnlyList<CaseFile>> ListCasesAsync(IReadOnlyCollection<string>? provinces, string? enterpriseCode, string? status, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, SqlEvidenceStore.MaxPageSize);
        if (provinces is { Count: 0 })
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        where.In("province", provinces);
        where.Equal("enterprise_code", enterpriseCode);
        where.Equal("status", status);
        command.CommandText = $"SELECT case_json FROM cases{where} ORDER BY opened_at_ms DESC, case_id LIMIT {command.Bind(limit)};";
        return await command.ReadAllAsync(reader => Read(reader.GetString(0)), ct);
    }

    public async Task<IReadOnlyList<CaseFile>> ListClosedCasesAsync(IReadOnlyCollection<string>? provinces, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (provinces is { Count: 0 })
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        where.In("province", provinces);
        where.Add($"status IN ({command.Bind(CaseStatuses.Concluded)}, {command.Bind(CaseStatuses.Cancelled)})");
        where.Between("COALESCE(concluded_at_ms, opened_at_ms)", from, to);
        command.CommandText = $"SELECT case_json FROM cases{where} ORDER BY case_id;";
        return await command.ReadAllAsync(reader => Read(reader.GetString(0)), ct);
    }

    private static CaseFile Read(string json) =>
        JsonSerializer.Deserialize(json, EvidenceJson.Default.CaseFile) ?? throw new InvalidDataException("A stored case is empty.");
}
