namespace Inspection.Silo.Storage;

/// <summary>How many flags one rule version has raised (or, on dry run, would have raised), and in how many enterprises.</summary>
public sealed record RuleFlagCount(string RuleId, int RuleVersion, bool DryRun, long Flags, long Enterprises);
