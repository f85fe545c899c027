namespace Inspection.Contracts.Grains;

/// <summary>
/// Reads one registry's registry-wide change feed (<c>…/changes?since=</c>) and hands each enterprise
/// its records; keyed by registry id. Used for registries configured in change-feed mode.
/// </summary>
[Alias("Inspection.IRegistryFeedGrain")]
public interface IRegistryFeedGrain : IGrainWithStringKey
{
    /// <summary>Starts (or confirms) following the feed; it keeps following by itself, across restarts.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Reads the feed to its end now.</summary>
    [Alias("ReadNow")]
    Task<int> ReadNow();

    /// <summary>
    /// Whether the feed's last read reached its head with no backlog left: every record the registry
    /// had published is handed over, so that one not there is one that does not exist.
    /// </summary>
    [Alias("IsCaughtUp")]
    Task<bool> IsCaughtUp();
}
