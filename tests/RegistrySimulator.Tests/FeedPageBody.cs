namespace Inspection.RegistrySimulator.Tests;

/// <summary>A feed answer's body as read off the wire.</summary>
public sealed record FeedPageBody(List<FeedRecord> Records, string NextCursor, bool HasMore);
