using Inspection.Rules.Language;

namespace Inspection.Rules.Evaluation;

/// <summary>An enterprise's records grouped by registry and kind, built once per evaluation.</summary>
internal sealed class FactIndex
{
    private readonly Dictionary<(string Registry, string Kind), FactRecord[]> byKind;

    public FactIndex(IEnumerable<FactRecord> records)
    {
        // The caller passes the latest version of each id; keeping the highest here as well makes a
        // superseded version that slips through harmless instead of a duplicate hit.
        byKind = records
            .GroupBy(record => (record.Registry, record.RecordId))
            .Select(versions => versions.MaxBy(record => record.Version)!)
            .GroupBy(record => (record.Registry, record.Kind))
            .ToDictionary(
                group => group.Key,
                group => group.OrderBy(record => record.Period, StringComparer.Ordinal)
                    .ThenBy(record => record.RecordId, StringComparer.Ordinal)
                    .ToArray());
        Registration = Of(AliasScope.RegistrationRegistry, AliasScope.RegistrationKind).MaxBy(record => record.Version);
    }

    /// <summary>The enterprise's registration record, if any.</summary>
    public FactRecord? Registration { get; }

    /// <summary>The records of one registry and kind, by period.</summary>
    public IReadOnlyList<FactRecord> Of(string registry, string kind) => byKind.GetValueOrDefault((registry, kind)) ?? [];

    public IEnumerable<FactRecord> InPeriod(string registry, string kind, string period) =>
        Of(registry, kind).Where(record => record.Period == period);
}
