using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Plans;

namespace Inspection.Silo.Storage;

/// <summary>The inspection plans in the evidence database (<see cref="IPlanStore"/>), each plan as JSON.</summary>
internal sealed class SqlPlanStore(EvidenceDatabase database, SqlAuditTrail audit) : IPlanStore
{
    public async Task<InspectionPlan?> GetAsync(string planId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT plan_json FROM plans WHERE plan_id = {command.Bind(planId)};";
        return await command.ExecuteScalarAsync(ct) is string json ? Read(json) : null;
    }

    public Task RecordAsync(InspectionPlan plan, string action, CaseActor actor, DateTimeOffset at, IReadOnlyDictionary<string, string?> details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actor);
        var json = JsonSerializer.Serialize(plan, EvidenceJson.Default.InspectionPlan);
        return database.WriteAsync(async (connection, transaction, token) =>
        {
            await using (var step = Command(connection, transaction))
            {
                step.CommandText = "INSERT INTO plan_events (plan_id, version, action, at_ms, actor, plan_json) VALUES ("
                    + $"{step.Bind(plan.Id)}, {step.Bind(plan.Version)}, {step.Bind(action)}, {step.Bind(at.ToUnixTimeMilliseconds())}, {step.Bind(actor.Subject)}, {step.Bind(json)}) "
                    + "ON CONFLICT (plan_id, version) DO NOTHING;";
                if (await step.ExecuteNonQueryAsync(token) == 0)
                {
                    throw new PlanVersionConflictException(plan.Id, plan.Version);
                }
            }

            await using (var latest = Command(connection, transaction))
            {
                latest.CommandText = "INSERT INTO plans (plan_id, agency, status, period_from, period_to, created_at_ms, version, plan_json) VALUES ("
                    + $"{latest.Bind(plan.Id)}, {latest.Bind(plan.Agency)}, {latest.Bind(plan.Status)}, {latest.Bind(Day(plan.PeriodFrom))}, {latest.Bind(Day(plan.PeriodTo))}, "
                    + $"{latest.Bind(plan.CreatedAt.ToUnixTimeMilliseconds())}, {latest.Bind(plan.Version)}, {latest.Bind(json)}) "
                    + "ON CONFLICT (plan_id) DO UPDATE SET status = excluded.status, version = excluded.version, plan_json = excluded.plan_json "
                    + "WHERE plans.version < excluded.version;";
                await latest.ExecuteNonQueryAsync(token);
            }

            // The search tables follow the latest version: what an entry conflicts with is what the plan says now.
            foreach (var table in new[] { "plan_provinces", "plan_entries" })
            {
                await using var forget = Command(connection, transaction);
                forget.CommandText = $"DELETE FROM {table} WHERE plan_id = {forget.Bind(plan.Id)};";
                await forget.ExecuteNonQueryAsync(token);
            }

            foreach (var province in plan.Provinces)
            {
                await using var insert = Command(connection, transaction);
                insert.CommandText = $"INSERT INTO plan_provinces (plan_id, province) VALUES ({insert.Bind(plan.Id)}, {insert.Bind(province)});";
                await insert.ExecuteNonQueryAsync(token);
            }

            foreach (var entry in plan.Entries)
            {
                await using var insert = Command(connection, transaction);
                insert.CommandText = "INSERT INTO plan_entries (plan_id, entry_number, enterprise_code, topic) VALUES ("
                    + $"{insert.Bind(plan.Id)}, {insert.Bind(entry.Number)}, {insert.Bind(entry.EnterpriseCode)}, {insert.Bind(entry.Topic)});";
                await insert.ExecuteNonQueryAsync(token);
            }

            return await audit.AppendAsync(connection, transaction, new AuditEvent(actor.Subject, actor.Role, action, $"plan:{plan.Id}", details), token);
        }, ct);
    }

    public async Task<IReadOnlyList<InspectionPlan>> ListPlansAsync(IReadOnlyCollection<string>? provinces, int limit, CancellationToken ct)
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
        if (provinces is not null)
        {
            where.Add("NOT EXISTS (SELECT 1 FROM plan_provinces pp WHERE pp.plan_id = plans.plan_id AND pp.province NOT IN ("
                + string.Join(", ", provinces.Distinct(StringComparer.Ordinal).Select(command.Bind)) + "))");
        }

        command.CommandText = $"SELECT plan_json FROM plans{where} ORDER BY created_at_ms DESC, plan_id LIMIT {command.Bind(limit)};";
        return await command.ReadAllAsync(reader => Read(reader.GetString(0)), ct);
    }

    public async Task<IReadOnlyList<InspectionPlan>> ListOverlappingAsync(string planId, DateOnly from, DateOnly to, IReadOnlyCollection<string> enterpriseCodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enterpriseCodes);
        if (enterpriseCodes.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var codes = string.Join(", ", enterpriseCodes.Distinct(StringComparer.Ordinal).Select(command.Bind));
        command.CommandText = $"SELECT plan_json FROM plans WHERE plan_id <> {command.Bind(planId)} "
            + $"AND period_from <= {command.Bind(Day(to))} AND period_to >= {command.Bind(Day(from))} "
            + $"AND EXISTS (SELECT 1 FROM plan_entries pe WHERE pe.plan_id = plans.plan_id AND pe.enterprise_code IN ({codes})) "
            + "ORDER BY created_at_ms, plan_id;";
        return await command.ReadAllAsync(reader => Read(reader.GetString(0)), ct);
    }

    public async Task<IReadOnlyList<PlanCase>> ListPlanCasesAsync(string planId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pc.entry_number, pc.case_id, c.status, c.outcome FROM plan_cases pc JOIN cases c ON c.case_id = pc.case_id "
            + $"WHERE pc.plan_id = {command.Bind(planId)} ORDER BY pc.entry_number, c.opened_at_ms, pc.case_id;";
        return await command.ReadAllAsync(reader => new PlanCase(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)), ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InspectionPlan Read(string json) =>
        JsonSerializer.Deserialize(json, EvidenceJson.Default.InspectionPlan) ?? throw new InvalidDataException("A stored plan is empty.");
}
