namespace Inspection.Rules.Evaluation;

/// <summary>
/// One candidate row: the driving record (or calendar period) in slot 0, then each joined record (null
/// for an optional join the period lacks), then the enterprise's registration record (null when the
/// rule does not read it), with the facts they come from (for windows) and the assessment date. A rule
/// fills one row in place for every combination it tries, so trying a combination allocates nothing.
/// </summary>
internal sealed class Row(int slotCount, FactSet facts, DateOnly asOf)
{
    private readonly Fact?[] slots = new Fact?[slotCount];

    public FactSet Facts { get; } = facts;

    /// <summary>The day the enterprise is assessed as of, as a day number.</summary>
    public double AsOf { get; } = asOf.DayNumber;

    /// <summary>The assessment date's day number, as an integer.</summary>
    public int AsOfDay { get; } = asOf.DayNumber;

    /// <summary>The assessment date's month number (<see cref="Periods.Index"/>).</summary>
    public int AsOfMonth { get; } = Periods.Index(asOf);

    public Fact? this[int slot]
    {
        get => slots[slot];
        set => slots[slot] = value;
    }

    /// <summary>A number or date column of a slot; NaN when the slot is empty or the value unknown.</summary>
    public double Number(int slot, int column) => slots[slot] is { } fact ? fact.Numbers[column] : double.NaN;

    public string? Text(int slot, int column) => slots[slot]?.Texts[column];
}
