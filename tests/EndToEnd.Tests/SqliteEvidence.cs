using Microsoft.Data.Sqlite;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// A platform's embedded data folder, made for one test and deleted after it, and what its evidence
/// store holds, read straight from the SQLite file as an auditor would.
/// </summary>
public sealed class SqliteEvidence : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"inspection-e2e-{Guid.NewGuid():N}");

    /// <summary>Every stored record version as <c>registry|record id|version</c>.</summary>
    public async Task<HashSet<string>> RecordKeysAsync() =>
        [.. await ReadAsync("SELECT registry || '|' || record_id || '|' || version FROM registry_records")];

    /// <summary>Every stored record version with its payload hash and service, in order.</summary>
    public async Task<List<string>> RecordsWithPayloadAsync() =>
        await ReadAsync("SELECT registry || '|' || record_id || '|' || version || '|' || payload_hash || '|' || service FROM registry_records ORDER BY 1");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task<List<string>> ReadAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "evidence.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
