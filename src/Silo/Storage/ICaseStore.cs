using Inspection.Contracts.Cases;

namespace Inspection.Silo.Storage;

/// <summary>
/// The inspection cases in the evidence database: each step appended with the whole case after it, the
/// case's latest version kept to list by, and the step's audit entry, all in one transaction.
/// </summary>
public interface ICaseStore : ICaseQueries
{
    Task<CaseFile?> GetAsync(string caseId, CancellationToken ct);

    /// <summary>Records a step; refuses (<see cref="CaseConflictException"/>) a version already recorded.</summary>
    Task RecordAsync(CaseFile file, string action, CaseActor actor, DateTimeOffset at, IReadOnlyDictionary<string, string?> details, CancellationToken ct);
}
