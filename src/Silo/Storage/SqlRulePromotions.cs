using System.Data.Common;

namespace Inspection.Silo.Storage;

/// <summary>The promotions of a rule pack in the evidence database, beside the audit trail that records who made them.</summary>
internal sealed class SqlRulePromotions(EvidenceDatabase database) : IRulePromotions
{
    public async Task<IReadOnlyList<RulePromotion>> ListAsync(string packId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT rule_id, rule_version, promoted_by, promoted_at_ms FROM rule_promotions WHERE pack_id = {command.Bind(packId)} ORDER BY promotion;";
        var promotions = new List<RulePromotion>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            promotions.Add(new RulePromotion(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return promotions;
    }

    public Task<bool> AddAsync(string packId, RulePromotion promotion, CancellationToken ct) =>
        database.WriteAsync((connection, transaction, token) => InsertAsync(connection, transaction, packId, promotion, token), ct);

    private static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, string packId, RulePromotion promotion, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        object?[] values = [packId, promotion.RuleId, promotion.RuleVersion, promotion.PromotedBy, promotion.PromotedAt.ToUnixTimeMilliseconds()];
        command.CommandText = "INSERT INTO rule_promotions (pack_id, rule_id, rule_version, promoted_by, promoted_at_ms) "
            + $"VALUES ({string.Join(", ", values.Select(command.Bind))}) ON CONFLICT (pack_id, rule_id, rule_version) DO NOTHING;";
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}
