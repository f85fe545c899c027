using System.Data.Common;
using System.Text.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Reports;
using Inspection.Silo.Reports;

namespace Inspection.Silo.Storage;

/// <summary>The report receipts in the evidence database (<see cref="IReportStore"/>), each receipt as JSON.</summary>
internal sealed class SqlReportStore(EvidenceDatabase database, SqlAuditTrail audit) : IReportStore
{
    public Task StoreAsync(ReportReceipt receipt, CaseActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(actor);
        var json = JsonSerializer.Serialize(receipt, EvidenceJson.Default.ReportReceipt);
        var record = ReportEvidence.ToRecord(receipt);
        return database.WriteAsync(async (connection, transaction, token) =>
        {
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO report_receipts (number, enterprise_code, province, template_id, period, version, submitted_at_ms, receipt_json) VALUES ("
                    + $"{insert.Bind(receipt.Number)}, {insert.Bind(receipt.EnterpriseCode)}, {insert.Bind(receipt.Province)}, {insert.Bind(receipt.TemplateId)}, "
                    + $"{insert.Bind(receipt.Period)}, {insert.Bind(receipt.Version)}, {insert.Bind(receipt.SubmittedAt.ToUnixTimeMilliseconds())}, {insert.Bind(json)}) "
                    + "ON CONFLICT DO NOTHING;";
                if (await insert.ExecuteNonQueryAsync(token) == 0)
                {
                    throw new ReportConflictException(receipt.Number);
                }
            }

            await using (var evidence = connection.CreateCommand())
            {
                evidence.Transaction = transaction;
                var values = EvidenceRows.RecordValues(record).Select(evidence.Bind);
                evidence.CommandText = $"INSERT INTO registry_records ({string.Join(", ", EvidenceRows.RecordColumns)}) VALUES ({string.Join(", ", values)});";
                await evidence.ExecuteNonQueryAsync(token);
            }

            return await audit.AppendAsync(connection, transaction, new AuditEvent(actor.Subject, actor.Role, "report.received", $"report:{receipt.Number}",
                new Dictionary<string, string?>
                {
                    ["enterprise"] = receipt.EnterpriseCode,
                    ["template"] = receipt.TemplateId,
                    ["period"] = receipt.Period,
                    ["version"] = receipt.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["sha256"] = receipt.Sha256,
                }), token);
        }, ct);
    }

    public async Task<ReportReceipt?> GetReceiptAsync(string number, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT receipt_json FROM report_receipts WHERE number = {command.Bind(number)};";
        return await command.ExecuteScalarAsync(ct) is string json ? Read(json) : null;
    }

    public async Task<IReadOnlyList<ReportReceipt>> ListReceiptsAsync(
        IReadOnlyCollection<string>? provinces, string? enterpriseCode, string? templateId, int limit, CancellationToken ct)
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
        where.Equal("template_id", templateId);
        command.CommandText = $"SELECT receipt_json FROM report_receipts{where} ORDER BY submitted_at_ms DESC, number LIMIT {command.Bind(limit)};";
        return await command.ReadAllAsync(reader => Read(reader.GetString(0)), ct);
    }

    private static ReportReceipt Read(string json) =>
        JsonSerializer.Deserialize(json, EvidenceJson.Default.ReportReceipt) ?? throw new InvalidDataException("A stored receipt is empty.");
}
