namespace Inspection.Contracts.Cases;

/// <summary>Reads of the inspection cases, as the case store keeps their latest versions.</summary>
public interface ICaseQueries
{
    /// <summary>Cases newest first, limited to provinces, one enterprise or one status when given.</summary>
    Task<IReadOnlyList<CaseFile>> ListCasesAsync(IReadOnlyCollection<string>? provinces, string? enterpriseCode, string? status, int limit, CancellationToken ct);
}
