using System.Globalization;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;

namespace Inspection.Silo.Storage;

internal sealed partial class SqlEvidenceStore : IEvidenceQueries
{
    // References per statement: two parameters each, well inside both databases' limits.
    private const int ReferencesPerQuery = 200;

    private static readonly string RecordSelect = $"SELECT {string.Join(", ", EvidenceRows.RecordColumns)} FROM registry_records";
    private static readonly string EnterpriseSelect = $"SELECT {string.Join(", ", EvidenceRows.EnterpriseColumns)} FROM enterprises";

    public async Task<IReadOnlyList<EnterpriseListing>> ListEnterprisesAsync(EnterpriseQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckLimit(query.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        if (query.Provinces is { Count: 0 })
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        where.In("province", query.Provinces);
        where.Equal("province", query.Province);
        where.Equal("sector", query.Sector);
        where.Equal("risk_tier", query.RiskTier);
        where.Equal("code", query.EnterpriseCode);
        command.CommandText = $"{EnterpriseSelect}{where} ORDER BY risk_score DESC, code LIMIT {command.Bind(query.Limit)} OFFSET {command.Bind(query.Offset)};";
        return await command.ReadAllAsync(EvidenceRows.ReadEnterprise, ct);
    }

    public async Task<EnterpriseListing?> GetEnterpriseAsync(string enterpriseCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseCode);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{EnterpriseSelect} WHERE code = {command.Bind(enterpriseCode)};";
        return (await command.ReadAllAsync(EvidenceRows.ReadEnterprise, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<RiskFlag>> ListFlagsAsync(FlagQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckLimit(query.Limit);
        if (query.Provinces is { Count: 0 })
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        where.In("province", query.Provinces);
        where.Equal("province", query.Province);
        where.Equal("enterprise_code", query.EnterpriseCode);
        where.Between("raised_at_ms", query.Since, query.Until);
        command.CommandText = $"SELECT flag_json FROM risk_flags{where} ORDER BY raised_at_ms DESC, flag_id LIMIT {command.Bind(query.Limit)};";
        return await command.ReadAllAsync(EvidenceRows.ReadFlag, ct);
    }

    public async Task<IReadOnlyList<RegistryRecord>> ListRecordsAsync(RecordQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.EnterpriseCode);
        CheckLimit(query.Limit);

        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        where.Equal("enterprise_code", query.EnterpriseCode);
        where.Equal("registry", query.Registry);
        where.Between("fetched_at_ms", query.From, query.To);
        command.CommandText = $"{RecordSelect}{where} ORDER BY fetched_at_ms DESC, registry, record_id, version LIMIT {command.Bind(query.Limit)};";
        return await command.ReadAllAsync(EvidenceRows.ReadRecord, ct);
    }

    public async Task<IReadOnlyList<RegistryRecord>> GetRecordsByReferenceAsync(
        string enterpriseCode, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseCode);
        ArgumentNullException.ThrowIfNull(references);
        var wanted = references.Select(ParseReference).OfType<(string RecordId, int Version)>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = new List<RegistryRecord>();
        await using var connection = await _database.OpenAsync(ct);
        foreach (var chunk in wanted.Chunk(ReferencesPerQuery))
        {
            await using var command = connection.CreateCommand();
            var where = new SqlConditions(command);
            where.Equal("enterprise_code", enterpriseCode);
            where.Add("(" + string.Join(" OR ", chunk.Select(r => $"(record_id = {command.Bind(r.RecordId)} AND version = {command.Bind(r.Version)})")) + ")");
            command.CommandText = $"{RecordSelect}{where};";
            found.AddRange(await command.ReadAllAsync(EvidenceRows.ReadRecord, ct));
        }

        return [.. found
            .OrderBy(r => r.Registry, StringComparer.Ordinal)
            .ThenBy(r => r.RecordId, StringComparer.Ordinal)
            .ThenBy(r => r.Version)];
    }

    public async Task<IReadOnlyList<RuleFlagCount>> CountFlagsByRuleAsync(CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT rule_id, rule_version, 0, count(*), count(DISTINCT enterprise_code) FROM risk_flags GROUP BY rule_id, rule_version "
            + "UNION ALL SELECT rule_id, rule_version, 1, count(*), count(DISTINCT enterprise_code) FROM dry_run_flags GROUP BY rule_id, rule_version;";
        return await command.ReadAllAsync(
            reader => new RuleFlagCount(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2) == 1, reader.GetInt64(3), reader.GetInt64(4)),
            ct);
    }

    public async Task<IReadOnlyList<string>> ListEnterpriseCodesAsync(string? after, int limit, CancellationToken ct)
    {
        CheckLimit(limit);
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var where = new SqlConditions(command);
        if (after is not null)
        {
            where.Add($"code > {command.Bind(after)}");
        }

        command.CommandText = $"SELECT code FROM enterprises{where} ORDER BY code LIMIT {command.Bind(limit)};";
        return await command.ReadAllAsync(reader => reader.GetString(0), ct);
    }

    /// <summary>Splits <c>{RecordId}@v{Version}</c>; anything else matches no record.</summary>
    private static (string RecordId, int Version)? ParseReference(string? reference)
    {
        var at = reference?.LastIndexOf("@v", StringComparison.Ordinal) ?? -1;
        return at > 0 && int.TryParse(reference.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (reference![..at], version)
            : null;
    }

    private static void CheckLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
    }
}
