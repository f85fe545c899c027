namespace Inspection.RegistrySimulator;

/// <summary>How the change feeds take <c>order=newest</c> and <c>until</c>: as this protocol defines them, or as a registry that predates them would.</summary>
public enum NewestFirstSupport
{
    /// <summary>Newest-first pages with <c>untilCursor</c>, as docs/REGISTRIES.md describes.</summary>
    Supported,

    /// <summary>The parameters are ignored: every page is oldest first, without <c>untilCursor</c>.</summary>
    Ignored,

    /// <summary>The parameters are refused with <c>400</c>; feeds are read oldest first only.</summary>
    Refused,
}
