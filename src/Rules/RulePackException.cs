namespace Inspection.Rules;

/// <summary>
/// A rule pack was refused on load. <see cref="RuleId"/> names the rule at fault (null for pack-level
/// errors or a rule without an id) and <see cref="Field"/> the JSON path-ish location, such as
/// <c>rules[2].when.all[1].&gt;=[0]</c>.
/// </summary>
public sealed class RulePackException : Exception
{
    public RulePackException(string reason, string? ruleId = null, string? field = null, Exception? innerException = null)
        : base(Describe(reason, ruleId, field), innerException)
    {
        Reason = reason;
        RuleId = ruleId;
        Field = field;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    public string? RuleId { get; }

    public string? Field { get; }

    private static string Describe(string reason, string? ruleId, string? field) => (ruleId, field) switch
    {
        (null, null) => reason,
        (null, _) => $"{field}: {reason}",
        (_, null) => $"Rule '{ruleId}': {reason}",
        _ => $"Rule '{ruleId}', {field}: {reason}",
    };
}
