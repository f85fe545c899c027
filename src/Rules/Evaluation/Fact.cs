namespace Inspection.Rules.Evaluation;

/// <summary>
/// One record as the compiled rules read it: its fields parsed once, when it is remembered, into typed
/// columns laid out by its <see cref="Language.RecordShape"/>. Numbers and dates (as day numbers) share
/// <see cref="Numbers"/>, with NaN for a value that is missing or unreadable; texts are in
/// <see cref="Texts"/>. A few hundred bytes instead of a dictionary of strings, and no parsing when a
/// rule runs.
/// </summary>
internal sealed class Fact(string registry, string kind, string recordId, int version, string? period, double[] numbers, string?[] texts)
{
    public string Registry { get; } = registry;

    public string Kind { get; } = kind;

    public string RecordId { get; } = recordId;

    public int Version { get; } = version;

    /// <summary>The record's period (<c>yyyy-MM</c>), or null.</summary>
    public string? Period { get; } = period;

    /// <summary>The first day of <see cref="Period"/>, or null when it has none (or an unreadable one).</summary>
    public DateOnly? PeriodStart { get; } = Formatting.FieldValues.PeriodStart(period);

    /// <summary>The period as a month number (<see cref="Periods.Index"/>), so that windows count months; <see cref="Periods.None"/> without one.</summary>
    public int PeriodIndex { get; } = Periods.Index(Formatting.FieldValues.PeriodStart(period));

    /// <summary>Whether this is a record of a registry, which a hit cites as evidence (not a calendar period).</summary>
    public bool IsRecord => Registry != RecordSource.CalendarRegistry;

    public double[] Numbers { get; } = numbers;

    public string?[] Texts { get; } = texts;

    /// <summary>The evidence reference used in hits: <c>{RecordId}@v{Version}</c>.</summary>
    public string Reference => $"{RecordId}@v{Version}";
}
