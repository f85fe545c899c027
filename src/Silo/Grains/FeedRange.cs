namespace Inspection.Silo.Grains;

/// <summary>
/// A stretch of a change feed not yet handed over: the records after <see cref="After"/> and at or
/// before <see cref="Until"/>. It is read newest first, so <see cref="Until"/> moves down page by page
/// until nothing remains after <see cref="After"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.FeedRange")]
public sealed record FeedRange([property: Id(0)] string? After, [property: Id(1)] string Until);
