namespace Inspection.Contracts.Grains;

/// <summary>How many sweeps have finished since the reassessment grain was activated, how many enterprises the last one assessed, and whether one is running.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.SweepProgress")]
public sealed record SweepProgress(
    [property: Id(0)] int Sweeps,
    [property: Id(1)] int LastSweepEnterprises,
    [property: Id(2)] bool Running);
