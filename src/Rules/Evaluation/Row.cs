namespace Inspection.Rules.Evaluation;

/// <summary>
/// One candidate row: the driving record in slot 0, then each joined record, then the enterprise's
/// registration record (null when the rule does not read it). A rule fills one row in place for every
/// combination it tries, so trying a combination allocates nothing.
/// </summary>
internal sealed class Row(int slotCount)
{
    private readonly Fact?[] slots = new Fact?[slotCount];

    public Fact? this[int slot]
    {
        get => slots[slot];
        set => slots[slot] = value;
    }

    /// <summary>A number or date column of a slot; NaN when the slot is empty or the value unknown.</summary>
    public double Number(int slot, int column) => slots[slot] is { } fact ? fact.Numbers[column] : double.NaN;

    public string? Text(int slot, int column) => slots[slot]?.Texts[column];
}
