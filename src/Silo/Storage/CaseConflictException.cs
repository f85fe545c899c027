namespace Inspection.Silo.Storage;

/// <summary>Another write recorded this version of the case first.</summary>
public sealed class CaseConflictException(string caseId, int version)
    : InvalidOperationException($"Version {version} of case {caseId} is already recorded.");
