using Inspection.Contracts.Models;

namespace Inspection.Silo.Storage;

/// <summary>Every training of the risk models, kept: which model made a score, and how well it did.</summary>
public interface IRiskModelHistory
{
    Task AppendAsync(RiskModelSummary summary, CancellationToken ct);

    Task<RiskModelSummary?> LatestAsync(CancellationToken ct);
}
