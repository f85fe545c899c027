using System.Text.Json.Serialization;

namespace Inspection.RegistrySimulator.Records;

/// <summary>The body of a feed answer; <see cref="UntilCursor"/> only on newest-first pages.</summary>
internal sealed record RecordPage(
    IReadOnlyList<RegistryRecord> Records,
    string NextCursor,
    bool HasMore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UntilCursor = null);
