namespace Inspection.RegistrySimulator.Tests;

/// <summary>A feed answer's body as read off the wire; <see cref="UntilCursor"/> only on newest-first pages.</summary>
public sealed record FeedPageBody(List<FeedRecord> Records, string NextCursor, bool HasMore, string? UntilCursor = null);
