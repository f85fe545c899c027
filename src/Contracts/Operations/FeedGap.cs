namespace Inspection.Contracts.Operations;

/// <summary>
/// Records a registry's change feed no longer served when the platform came to read them (khoảng trống
/// dữ liệu): the feed had dropped everything after <see cref="FromCursor"/> up to <see cref="ToCursor"/>.
/// Kept and shown so that nobody mistakes the silence for an absence of changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.FeedGap")]
public sealed record FeedGap(
    [property: Id(0)] string Registry,
    [property: Id(1)] string? FromCursor,
    [property: Id(2)] string ToCursor,
    [property: Id(3)] DateTimeOffset DetectedAt);
