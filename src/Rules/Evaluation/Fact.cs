namespace Inspection.Rules.Evaluation;

/// <summary>
/// One record as the compiled rules read it: its fields parsed once, when it is remembered, into typed
/// columns laid out by its <see cref="Language.RecordShape"/>. Numbers and dates (as day numbers) share
/// <see cref="Numbers"/>, with NaN for a value that is missing or unreadable; texts are in
/// <see cref="Texts"/>. A few hundred bytes instead of a dictionary of strings, and no parsing when a
/// rule runs: its period is also kept as a month number and a day number, which rules compare as integers.
/// </summary>
internal sealed class Fact
{
    // Made the first time a hit cites the record; a race makes the same string twice, harmlessly.
    private string? reference;

    public Fact(string registry, string kind, int shape, string recordId, int version, string? period, double[] numbers, string?[] texts)
    {
        (Registry, Kind, Shape, RecordId, Version, Period, Numbers, Texts) = (registry, kind, shape, recordId, version, period, numbers, texts);
        var start = Formatting.FieldValues.PeriodStart(period);
        PeriodIndex = Periods.Index(start);
        PeriodStartDay = start?.DayNumber ?? Periods.None;
        IsRecord = registry != RecordSource.CalendarRegistry;
    }

    public string Registry { get; }

    public string Kind { get; }

    /// <summary>The ordinal of the record's shape in its pack (<see cref="Language.RecordShape.Ordinal"/>).</summary>
    public int Shape { get; }

    public string RecordId { get; }

    public int Version { get; }

    /// <summary>The record's period (<c>yyyy-MM</c>), or null.</summary>
    public string? Period { get; }

    /// <summary>The period as a month number (<see cref="Periods.Index"/>), so that windows count months; <see cref="Periods.None"/> without one.</summary>
    public int PeriodIndex { get; }

    /// <summary>The day number of the first day of <see cref="Period"/>; <see cref="Periods.None"/> without one (or with an unreadable one).</summary>
    public int PeriodStartDay { get; }

    /// <summary>Whether this is a record of a registry, which a hit cites as evidence (not a calendar period).</summary>
    public bool IsRecord { get; }

    public double[] Numbers { get; }

    public string?[] Texts { get; }

    /// <summary>The evidence reference used in hits: <c>{RecordId}@v{Version}</c>, made on the first.</summary>
    public string Reference => reference ??= $"{RecordId}@v{Version}";
}
