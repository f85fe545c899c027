namespace Inspection.RegistrySimulator.Records;

/// <summary>The body of a feed answer.</summary>
internal sealed record RecordPage(IReadOnlyList<RegistryRecord> Records, string NextCursor, bool HasMore);
