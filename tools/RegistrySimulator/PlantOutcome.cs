using System.Diagnostics.CodeAnalysis;

namespace Inspection.RegistrySimulator;

/// <summary>The result of <see cref="SimulatorState.PlantViolation"/>: the ground-truth entry, or why there is none.</summary>
public sealed record PlantOutcome(PlantRefusal Refusal, GroundTruthEntry? Entry, string? Reason)
{
    [MemberNotNullWhen(true, nameof(Entry))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsPlanted => Refusal == PlantRefusal.None;

    internal static PlantOutcome Planted(GroundTruthEntry entry) => new(PlantRefusal.None, entry, null);

    internal static PlantOutcome Refused(PlantRefusal refusal, string reason) => new(refusal, null, reason);
}
