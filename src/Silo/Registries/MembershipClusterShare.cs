namespace Inspection.Silo.Registries;

/// <summary>The active silos according to cluster membership; never less than one.</summary>
public sealed class MembershipClusterShare(IServiceProvider services) : IClusterShare
{
    private IClusterMembershipService? _membership;

    // Resolved lazily (membership exists only once the silo is built, after the registries are registered)
    // and then kept, so that a budget refill racing the host's shutdown never asks a disposed container.
    public int ActiveSilos =>
        (_membership ??= services.GetService<IClusterMembershipService>()) is { } membership
            ? Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active))
            : 1;
}
