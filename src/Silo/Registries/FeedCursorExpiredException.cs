namespace Inspection.Silo.Registries;

/// <summary>
/// A registry's change feed no longer keeps what follows the cursor (it answered <c>410 Gone</c>):
/// reading can resume only at <see cref="OldestCursor"/>, and what lay between is lost to the feed.
/// </summary>
public sealed class FeedCursorExpiredException(string registry, string oldestCursor)
    : Exception($"The change feed of registry '{registry}' no longer keeps records after the cursor; it resumes at {oldestCursor}.")
{
    public string Registry { get; } = registry;

    public string OldestCursor { get; } = oldestCursor;
}
