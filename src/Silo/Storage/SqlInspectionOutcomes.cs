using System.Data.Common;
using System.Globalization;
using Inspection.Contracts.Outcomes;

namespace Inspection.Silo.Storage;

/// <summary>Past inspection outcomes in the evidence database.</summary>
internal sealed class SqlInspectionOutcomes(EvidenceDatabase database, TimeProvider time) : IInspectionOutcomes
{
    private const string Columns = "enterprise_code, decided_on, violation_found, source, recorded_at_ms";

    public Task<int> ImportAsync(IReadOnlyList<InspectionOutcomeRecord> outcomes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync((connection, transaction, token) => InsertAsync(connection, transaction, outcomes, token), ct);
    }

    public async Task<IReadOnlyList<InspectionOutcomeRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM inspection_outcomes ORDER BY decided_on, enterprise_code, source;";
        return await command.ReadAllAsync(reader => new InspectionOutcomeRecord(
            reader.GetString(0),
            DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.GetBoolean(2),
            reader.GetString(3)), ct);
    }

    private async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<InspectionOutcomeRecord> outcomes, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var parameters = Enumerable.Range(0, 5).Select(_ => command.Bind(null)).ToList();
        command.CommandText = $"INSERT INTO inspection_outcomes ({Columns}) VALUES ({string.Join(", ", parameters)}) "
            + "ON CONFLICT (enterprise_code, decided_on, source) DO NOTHING;";
        var recordedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var inserted = 0;
        foreach (var outcome in outcomes)
        {
            object[] values = [outcome.EnterpriseCode, outcome.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), outcome.ViolationFound, outcome.Source, recordedAt];
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            inserted += await command.ExecuteNonQueryAsync(ct);
        }

        return inserted;
    }
}
