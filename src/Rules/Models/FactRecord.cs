namespace Inspection.Rules;

/// <summary>
/// One registry record as the rules see it. The caller passes the latest version of each record id;
/// field values are invariant-culture strings (numbers such as <c>1250000000</c> or <c>0.5</c>, dates
/// <c>yyyy-MM-dd</c>) or null.
/// </summary>
public sealed record FactRecord(
    string Registry,
    string RecordId,
    int Version,
    string Kind,
    string? Period,
    IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The evidence reference used in hits: <c>{RecordId}@v{Version}</c>.</summary>
    public string Reference => $"{RecordId}@v{Version}";
}
