using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// The <c>since</c> cursor and page <c>limit</c> of a feed request; for the change feed also the order
/// (<c>order=newest</c>: the newest records first) and, with it, the <c>until</c> bound.
/// </summary>
internal readonly record struct FeedQuery(long Since, int Limit, bool NewestFirst = false, long? Until = null)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    private const string Oldest = "oldest";
    private const string Newest = "newest";

    /// <summary>
    /// Reads the query: an absent or empty <c>since</c> means the beginning; <c>limit</c> defaults to
    /// <see cref="DefaultLimit"/> and is capped at <see cref="MaxLimit"/>.
    /// </summary>
    public static bool TryParse(string? since, string? limit, out FeedQuery query, [NotNullWhen(false)] out string? error) =>
        TryParse(since, limit, order: null, until: null, out query, out error);

    /// <summary>
    /// Reads a change-feed query: as <see cref="TryParse(string?, string?, out FeedQuery, out string?)"/>, plus
    /// <c>order</c> (<c>oldest</c>, the default, or <c>newest</c>) and <c>until</c>, a cursor allowed only with
    /// <c>order=newest</c>.
    /// </summary>
    public static bool TryParse(string? since, string? limit, string? order, string? until, out FeedQuery query, [NotNullWhen(false)] out string? error)
    {
        query = default;
        if (!TryCursor(since, out var cursor))
        {
            error = "'since' must be a cursor returned as nextCursor by an earlier page.";
            return false;
        }

        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            error = $"'limit' must be a whole number from 1 to {MaxLimit}.";
            return false;
        }

        var newestFirst = order switch
        {
            null or "" or Oldest => false,
            Newest => true,
            _ => (bool?)null,
        };
        if (newestFirst is null)
        {
            error = $"'order' must be '{Oldest}' (the default) or '{Newest}'.";
            return false;
        }

        long? bound = null;
        if (!string.IsNullOrEmpty(until))
        {
            if (newestFirst is false || !TryCursor(until, out var value))
            {
                error = "'until' goes with order=newest and must be a cursor returned as untilCursor by an earlier page.";
                return false;
            }

            bound = value;
        }

        query = new FeedQuery(cursor, Math.Min(size, MaxLimit), newestFirst.Value, bound);
        error = null;
        return true;
    }

    private static bool TryCursor(string? text, out long cursor)
    {
        cursor = 0;
        return string.IsNullOrEmpty(text) || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out cursor);
    }
}
