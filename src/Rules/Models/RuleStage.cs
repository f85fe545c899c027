namespace Inspection.Rules;

/// <summary>Where a rule version stands (giai đoạn): judging for real, on trial, or replaced.</summary>
public static class RuleStage
{
    /// <summary>Its hits are flags: stored, shown in the queues, pushed live and counted in the risk score.</summary>
    public const string Live = "live";

    /// <summary>Its hits are recorded beside the live version's, with counts, but shown to no queue and counted in no score.</summary>
    public const string DryRun = "dry-run";

    /// <summary>Replaced, when promoting another version, over all its validity: it judges nothing any more.</summary>
    public const string Retired = "retired";

    /// <summary>The stages a pack may give a version (retired only comes of a promotion).</summary>
    public static IReadOnlyList<string> Declarable { get; } = [Live, DryRun];
}
