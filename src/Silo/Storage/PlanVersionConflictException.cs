namespace Inspection.Silo.Storage;

/// <summary>Another write recorded this version of the plan first.</summary>
public sealed class PlanVersionConflictException(string planId, int version)
    : InvalidOperationException($"Version {version} of plan {planId} is already recorded.");
