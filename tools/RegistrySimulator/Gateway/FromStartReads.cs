using System.Collections.Concurrent;

namespace Inspection.RegistrySimulator.Gateway;

/// <summary>
/// Counts the requests that started from the beginning of a feed: per enterprise and registry, the record
/// requests without a cursor; per registry, the change-feed reads with neither a cursor nor an
/// <c>until</c> bound (the enterprise is null for those). A client that keeps its cursors across a
/// restart never asks from the beginning twice.
/// </summary>
public sealed class FromStartReads
{
    private readonly ConcurrentDictionary<(string? EnterpriseCode, string Registry), int> _counts = new();

    internal void Count(string? enterpriseCode, string registry) =>
        _counts.AddOrUpdate((enterpriseCode, registry), 1, (_, count) => count + 1);

    public IReadOnlyList<FromStartRead> Snapshot() =>
        [.. _counts.Select(c => new FromStartRead(c.Key.EnterpriseCode, c.Key.Registry, c.Value))];
}
