namespace Inspection.Rules.Evaluation;

/// <summary>
/// One row of a rule: the driving record (or calendar period) in slot 0, then each joined record (null
/// for an optional join the period lacks), then the enterprise's registration record (null when the
/// rule does not read it), with the layout of the facts they come from and the assessment date. A rule's
/// compiled scan (<see cref="RuleScan"/>) tries its combinations in variables of its own and fills the
/// row only where its condition holds: a hit's values, computed values and evidence are read from here.
/// A slot filled from the <see cref="FactLayout"/> reads its numbers and period from the layout's arrays.
/// </summary>
internal sealed class Row
{
    // One row per thread, reused from one evaluation to the next: a pack judges an enterprise without
    // allocating unless a rule fires.
    [ThreadStatic]
    private static Row? spare;

    // What a slot holds, side by side in a struct of integers: filling a slot is a few plain stores (no
    // array-covariance check, no write barrier), reading a column one load from the slot and one from the
    // layout. A calendar period, the one fact not in the layout, is kept aside.
    private const int Empty = EmptySlot;
    private const int CalendarPeriod = CalendarSlot;

    /// <summary>The <see cref="Record"/> of an empty slot.</summary>
    public const int EmptySlot = -1;

    /// <summary>The <see cref="Record"/> of a slot holding a calendar period, which is no record of the layout.</summary>
    public const int CalendarSlot = -2;

    private readonly Slot[] slots;
    private FactLayout layout = FactLayout.Nothing;
    private Fact? period;

    private Row(int slotCount) => slots = new Slot[slotCount];

    /// <summary>The hits found so far in this evaluation (made on the first: most enterprises fire nothing).</summary>
    public List<RuleHit>? Hits { get; set; }

    /// <summary>The facts' <see cref="FactSet.Span"/>.</summary>
    public (int First, int Last) Span { get; private set; }

    /// <summary>The facts' layout, from <see cref="Take"/> to <see cref="Return"/> (a copy: a compiled scan keeps it in a variable).</summary>
    public FactLayout Layout => layout;

    /// <summary>The day the enterprise is assessed as of, as a day number.</summary>
    public double AsOf { get; private set; }

    /// <summary>The assessment date's day number, as an integer.</summary>
    public int AsOfDay { get; private set; }

    /// <summary>The assessment date's month number (<see cref="Periods.Index"/>).</summary>
    public int AsOfMonth { get; private set; }

    public Fact? this[int slot] => slots[slot].Record switch
    {
        Empty => null,
        CalendarPeriod => period,
        var record => layout.Facts[record],
    };

    /// <summary>This thread's row (a new one when it has none of <paramref name="slotCount"/> slots) over the facts, until <see cref="Return"/>.</summary>
    public static Row Take(int slotCount, FactSet facts, DateOnly asOf)
    {
        var row = spare is { } kept && kept.slots.Length >= slotCount ? kept : new Row(slotCount);
        spare = null;
        (row.Span, row.layout, row.Hits) = (facts.Span, facts.Layout, null);
        (row.AsOf, row.AsOfDay, row.AsOfMonth) = (asOf.DayNumber, asOf.DayNumber, Periods.Index(asOf));
        return row;
    }

    /// <summary>Lets go of the facts and keeps the row for this thread's next evaluation.</summary>
    public void Return()
    {
        (layout, period, Hits) = (FactLayout.Nothing, null, null);
        spare = this;
    }

    /// <summary>Fills a slot with a record of the <see cref="Layout"/>, by its position there.</summary>
    public void Set(int slot, int record)
    {
        ref var target = ref slots[slot];
        (target.Record, target.Numbers, target.Texts) = (record, layout.Offsets[record], layout.TextOffsets[record]);
        (target.Month, target.Day) = (layout.Months[record], layout.Days[record]);
    }

    /// <summary>Fills slot 0 with a calendar period, which has no columns.</summary>
    public void SetPeriod(Fact calendarPeriod)
    {
        period = calendarPeriod;
        ref var target = ref slots[0];
        (target.Record, target.Numbers, target.Texts) = (CalendarPeriod, Empty, Empty);
        (target.Month, target.Day) = (calendarPeriod.PeriodIndex, FactLayout.Day(calendarPeriod));
    }

    /// <summary>Empties a slot: an optional join without its record, or a registration the rule does not read.</summary>
    public void Clear(int slot)
    {
        ref var target = ref slots[slot];
        (target.Record, target.Numbers, target.Texts) = (Empty, Empty, Empty);
        (target.Month, target.Day) = (Periods.None, Periods.None);
    }

    /// <summary>The position in the <see cref="Layout"/> of a slot's record, or <see cref="EmptySlot"/>, <see cref="CalendarSlot"/>.</summary>
    public int Record(int slot) => slots[slot].Record;

    /// <summary>Where a slot's number columns start in the layout; -1 when it has none.</summary>
    public int NumbersFrom(int slot) => slots[slot].Numbers;

    /// <summary>Where a slot's text columns start in the layout; -1 when it has none.</summary>
    public int TextsFrom(int slot) => slots[slot].Texts;

    /// <summary>A number or date column of a slot; NaN when the slot is empty or the value unknown.</summary>
    public double Number(int slot, int column) => slots[slot].Numbers is var offset and >= 0 ? layout.Numbers[offset + column] : double.NaN;

    /// <summary>A text column of a slot; null when the slot is empty or the value unknown.</summary>
    public string? Text(int slot, int column) => slots[slot].Texts is var offset and >= 0 ? layout.Texts[offset + column] : null;

    /// <summary>The month number of the slot's period; <see cref="Periods.None"/> when it has none or is empty.</summary>
    public int Month(int slot) => slots[slot].Month;

    /// <summary>The day number the slot's period starts (<see cref="FactLayout.Day"/>); <see cref="Periods.None"/> when it is empty.</summary>
    public int Day(int slot) => slots[slot].Day;

    /// <summary>
    /// A slot: its record's position in the layout (or <see cref="Empty"/>, <see cref="CalendarPeriod"/>),
    /// where its number and text columns start there (<see cref="Empty"/>: none), its period.
    /// </summary>
    private struct Slot
    {
        public int Record;
        public int Numbers;
        public int Texts;
        public int Month;
        public int Day;
    }
}
