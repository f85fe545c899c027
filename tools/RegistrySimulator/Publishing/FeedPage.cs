namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// One page of a feed: the facts in publication order, the cursor after the last one, and whether more
/// follow. A newest-first page also carries <see cref="UntilCursor"/>: the bound to read the page before
/// it (older facts) with; there, <see cref="HasMore"/> says whether older facts remain.
/// </summary>
internal sealed record FeedPage(IReadOnlyList<Fact> Facts, long NextCursor, bool HasMore, long? UntilCursor = null);
