namespace Inspection.Silo.Registries;

/// <summary>How the platform learns of a registry's new records.</summary>
public enum PullMode
{
    /// <summary>Each enterprise grain asks for its own records: <c>…/{code}/records?since=</c>.</summary>
    PerEnterprise,

    /// <summary>One reader follows the registry-wide feed, <c>…/changes?since=</c>, and fans records out to the enterprises.</summary>
    ChangeFeed,
}
