namespace Inspection.Silo.Storage;

/// <summary>A dry-run rule version an administrator made live: which, by whom, when.</summary>
public sealed record RulePromotion(string RuleId, int RuleVersion, string PromotedBy, DateTimeOffset PromotedAt);
