namespace Inspection.Silo.Registries;

/// <summary>The active silos according to cluster membership; never less than one.</summary>
public sealed class MembershipClusterShare(IServiceProvider services) : IClusterShare
{
    // Resolved lazily: membership exists only once the silo is built, after the registries are registered.
    public int ActiveSilos =>
        Math.Max(1, services.GetService<IClusterMembershipService>()?.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) ?? 1);
}
