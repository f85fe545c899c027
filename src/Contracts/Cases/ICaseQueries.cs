namespace Inspection.Contracts.Cases;

/// <summary>Reads of the inspection cases, as the case store keeps their latest versions.</summary>
public interface ICaseQueries
{
    /// <summary>Cases newest first, limited to provinces, one enterprise or one status when given.</summary>
    Task<IReadOnlyList<CaseFile>> ListCasesAsync(IReadOnlyCollection<string>? provinces, string? enterpriseCode, string? status, int limit, CancellationToken ct);

    /// <summary>
    /// Every concluded or cancelled case within the provinces when given, closed (concluded, or opened
    /// when cancelled) in [from, to): what the remote-check ratio counts.
    /// </summary>
    Task<IReadOnlyList<CaseFile>> ListClosedCasesAsync(IReadOnlyCollection<string>? provinces, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct);
}
