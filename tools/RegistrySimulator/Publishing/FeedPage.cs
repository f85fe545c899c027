namespace Inspection.RegistrySimulator.Publishing;

/// <summary>One page of a feed: the facts in publication order, the cursor after the last one, and whether more follow.</summary>
internal sealed record FeedPage(IReadOnlyList<Fact> Facts, long NextCursor, bool HasMore);
