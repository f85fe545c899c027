namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// An occupational accident (labour/accident-report) as RulesEngine reads it, with its period, since
/// accidents are not joined to a month but judged each on its own.
/// </summary>
public sealed class AccidentReportInput
{
    public required string Period { get; init; }

    /// <summary>The first day of <see cref="Period"/>: the day the rule version in force is looked up by.</summary>
    public DateTime Start { get; init; }

    public DateTime OccurredOn { get; init; }

    public int SeriousInjuries { get; init; }

    public int Fatalities { get; init; }

    /// <summary><c>immediate</c>, <c>late</c> or <c>none</c>; null when the report leaves it blank.</summary>
    public string? Declaration { get; init; }
}
