using Inspection.Contracts.Operations;

namespace Inspection.Silo.Grains;

/// <summary>
/// Where a registry's change feed was last read to: every record up to <see cref="Cursor"/> is handed
/// over but for the older stretches in <see cref="Backlog"/>, which are still being read, newest first.
/// </summary>
[GenerateSerializer, Alias("Inspection.RegistryFeedState")]
public sealed class RegistryFeedState
{
    [Id(0)]
    public bool Following { get; set; }

    [Id(1)]
    public string? Cursor { get; set; }

    [Id(2)]
    public string? Registry { get; set; }

    /// <summary>Stretches of the feed it had dropped before they were read.</summary>
    [Id(3)]
    public List<FeedGap> Gaps { get; set; } = [];

    /// <summary>Older stretches still to read, the newest first; empty once the reader has caught up.</summary>
    [Id(4)]
    public List<FeedRange> Backlog { get; set; } = [];
}
