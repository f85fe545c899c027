namespace Inspection.Contracts.RulePacks;

/// <summary>What became of a request to promote a dry-run rule version.</summary>
public enum PromotionOutcome
{
    /// <summary>The version is live; the pack in force changed.</summary>
    Promoted,

    /// <summary>The pack has no such rule version.</summary>
    NotFound,

    /// <summary>The version is live or retired already, or its promotion would leave another version in force after it.</summary>
    Refused,
}
