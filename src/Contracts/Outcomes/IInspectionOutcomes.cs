namespace Inspection.Contracts.Outcomes;

/// <summary>Past inspection outcomes, which the supervised risk model learns from; append-only.</summary>
public interface IInspectionOutcomes
{
    /// <returns>How many of the outcomes were new (the same enterprise, day and source twice is one).</returns>
    Task<int> ImportAsync(IReadOnlyList<InspectionOutcomeRecord> outcomes, CancellationToken ct);

    Task<IReadOnlyList<InspectionOutcomeRecord>> ListAsync(CancellationToken ct);
}
