namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// One enterprise's feature record as RulesEngine's <c>input1</c>: its latest registration, every month
/// from the first to the last its records are about (in order), its accidents, and the assessment date.
/// </summary>
public sealed class EnterpriseInput
{
    public required string Code { get; init; }

    public DateTime AsOf { get; init; }

    /// <summary>The month number (<see cref="MonthInput.Index"/>) of <see cref="AsOf"/>: the last month a calendar rule may judge.</summary>
    public int AsOfIndex { get; init; }

    public RegistrationInput? Registration { get; init; }

    public required IReadOnlyList<MonthInput> Months { get; init; }

    /// <summary>The month number of the last of <see cref="Months"/> (int.MinValue without any).</summary>
    public int LastIndex { get; init; }

    public required IReadOnlyList<AccidentReportInput> Accidents { get; init; }
}
