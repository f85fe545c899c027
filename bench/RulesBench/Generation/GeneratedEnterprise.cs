using Inspection.Rules;

namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// One enterprise's feature record: every registry record the shipped pack reads for one assessment,
/// in the shapes of docs/REGISTRIES.md, with the violations planted in it (none: a clean enterprise).
/// </summary>
internal sealed record GeneratedEnterprise(string Code, IReadOnlyList<FactRecord> Records, IReadOnlyList<PlantedViolation> Planted);
