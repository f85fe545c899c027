using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>The <c>since</c> cursor and page <c>limit</c> of a feed request.</summary>
internal readonly record struct FeedQuery(long Since, int Limit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    /// <summary>
    /// Reads the query: an absent or empty <c>since</c> means the beginning; <c>limit</c> defaults to
    /// <see cref="DefaultLimit"/> and is capped at <see cref="MaxLimit"/>.
    /// </summary>
    public static bool TryParse(string? since, string? limit, out FeedQuery query, [NotNullWhen(false)] out string? error)
    {
        query = default;
        long cursor = 0;
        if (!string.IsNullOrEmpty(since) && !long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out cursor))
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

        query = new FeedQuery(cursor, Math.Min(size, MaxLimit));
        error = null;
        return true;
    }
}
