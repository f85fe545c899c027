using System.Text.Json;
using Inspection.Contracts.Models;

namespace Inspection.Silo.Storage;

/// <summary>The risk models' trainings in the evidence database, each summary as JSON.</summary>
internal sealed class SqlRiskModelHistory(EvidenceDatabase database) : IRiskModelHistory
{
    public Task AppendAsync(RiskModelSummary summary, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var json = JsonSerializer.Serialize(summary, EvidenceJson.Default.RiskModelSummary);
            command.CommandText = $"INSERT INTO risk_models (trained_at_ms, summary_json) VALUES ({command.Bind(summary.TrainedAt.ToUnixTimeMilliseconds())}, {command.Bind(json)});";
            return await command.ExecuteNonQueryAsync(token);
        }, ct);

    public async Task<RiskModelSummary?> LatestAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary_json FROM risk_models ORDER BY training DESC LIMIT 1;";
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize(json, EvidenceJson.Default.RiskModelSummary) : null;
    }
}
