namespace Inspection.Rules;

/// <summary>The severities a rule may carry (mức độ), lowest first.</summary>
public static class RuleSeverity
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    /// <summary>All severities, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Low, Medium, High, Critical];
}
