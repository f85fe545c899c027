namespace Inspection.Silo.Storage;

/// <summary>The promotions made over a rule pack, in the order they were made; append-only.</summary>
public interface IRulePromotions
{
    Task<IReadOnlyList<RulePromotion>> ListAsync(string packId, CancellationToken ct);

    /// <returns>False when that version of the pack had been promoted already.</returns>
    Task<bool> AddAsync(string packId, RulePromotion promotion, CancellationToken ct);
}
