using Inspection.Contracts.Evidence;

namespace Inspection.Contracts.RulePacks;

/// <summary>
/// One version of a rule of the pack in force, as administrators and leadership review it: its stage
/// (<c>live</c>, <c>dry-run</c>, <c>retired</c>), validity, what it cites and reads, and how many flags
/// it has raised (for a dry-run version: would have raised) in how many enterprises.
/// </summary>
public sealed record RuleVersionSummary(
    string RuleId,
    int Version,
    string Stage,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Severity,
    LocalizedText Title,
    string LegalBasis,
    IReadOnlyList<string> Registries,
    long Flags,
    long Enterprises);
