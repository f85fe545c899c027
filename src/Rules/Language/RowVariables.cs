using System.Linq.Expressions;
using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Language;

/// <summary>
/// One rule's row as local variables of its compiled scan (<see cref="RuleScan"/>): for each slot the
/// record's position in the <see cref="FactLayout"/>, where its number and text columns start, its
/// month and its period's first day, and beside them the layout's arrays and the assessment date. The
/// rule's operands and conditions are expressions over these, so that trying a row reads the layout
/// directly; the <see cref="Row"/> object is filled only for a hit. Which of them a rule reads is
/// remembered, so that the scan loads only those.
/// </summary>
internal sealed class RowVariables
{
    private readonly Slot[] slots;
    private readonly List<ParameterExpression> cursors = [];

    /// <param name="slotCount">The rule's sources, then the registration.</param>
    /// <param name="mayBeEmpty">Whether a slot can be empty: an optional join's.</param>
    public RowVariables(int slotCount, Func<int, bool> mayBeEmpty)
    {
        slots = [.. Enumerable.Range(0, slotCount).Select(slot => new Slot(slot, mayBeEmpty(slot)))];
    }

    public ParameterExpression Layout { get; } = Expression.Variable(typeof(FactLayout), "layout");

    public ParameterExpression Numbers { get; } = Expression.Variable(typeof(double[]), "numbers");

    public ParameterExpression Texts { get; } = Expression.Variable(typeof(string[]), "texts");

    /// <summary>The assessment date's day number, as a double (dates are doubles in the rules).</summary>
    public ParameterExpression AsOf { get; } = Expression.Variable(typeof(double), "asOf");

    public int SlotCount => slots.Length;

    /// <summary>The record's position in the layout; <see cref="Row.EmptySlot"/> when empty, <see cref="Row.CalendarSlot"/> for a calendar period.</summary>
    public ParameterExpression Record(int slot) => slots[slot].Record;

    /// <summary>The slot's month number (<see cref="Periods.Index"/>); what joins and windows go by.</summary>
    public ParameterExpression Month(int slot)
    {
        slots[slot].ReadsMonth = true;
        return slots[slot].Month;
    }

    /// <summary>A number or date column of a slot's record; NaN when the slot is empty or the value unknown.</summary>
    public Expression Number(int slot, int column)
    {
        var target = slots[slot];
        target.ReadsNumbers = true;
        return Column(target, target.NumbersFrom, Numbers, column, Expression.Constant(double.NaN));
    }

    /// <summary>A text column of a slot's record; null when the slot is empty or the value unknown.</summary>
    public Expression Text(int slot, int column)
    {
        var target = slots[slot];
        target.ReadsTexts = true;
        return Column(target, target.TextsFrom, Texts, column, Expression.Constant(null, typeof(string)));
    }

    /// <summary>The day number a slot's period starts (<see cref="FactLayout.Day"/>).</summary>
    public Expression Day(int slot)
    {
        slots[slot].ReadsDay = true;
        return slots[slot].Day;
    }

    /// <summary>Whether a slot holds a record or a calendar period.</summary>
    public Expression Filled(int slot) => Expression.NotEqual(Record(slot), Expression.Constant(Row.EmptySlot));

    /// <summary>
    /// A new position in the layout's periodic records for one join or window of the rule to keep from one
    /// row to the next (<see cref="FactLayout.PeriodicFrom"/>), unset at the start of every walk.
    /// </summary>
    public ParameterExpression Cursor()
    {
        var cursor = Expression.Variable(typeof(int), $"cursor{cursors.Count}");
        cursors.Add(cursor);
        return cursor;
    }

    /// <summary>Every variable, for the block that declares them.</summary>
    public IEnumerable<ParameterExpression> All() =>
        [Layout, Numbers, Texts, AsOf, .. cursors, .. slots.SelectMany(slot => new[] { slot.Record, slot.NumbersFrom, slot.TextsFrom, slot.Month, slot.Day })];

    /// <summary>Loads the layout's arrays and the assessment date from the row, and unsets the cursors.</summary>
    public IEnumerable<Expression> Begin(ParameterExpression row) =>
    [
        Expression.Assign(Layout, Expression.Property(row, nameof(Row.Layout))),
        Expression.Assign(Numbers, Expression.Property(Layout, nameof(FactLayout.Numbers))),
        Expression.Assign(Texts, Expression.Property(Layout, nameof(FactLayout.Texts))),
        Expression.Assign(AsOf, Expression.Property(row, nameof(Row.AsOf))),
        .. cursors.Select(cursor => Expression.Assign(cursor, Expression.Constant(-1))),
    ];

    /// <summary>Puts the layout's record at <paramref name="record"/> in the slot: only what the rule reads of it.</summary>
    public Expression Load(int slot, Expression record)
    {
        var target = slots[slot];
        var loads = new List<Expression> { Expression.Assign(target.Record, record) };
        Add(loads, target.ReadsNumbers, target.NumbersFrom, nameof(FactLayout.Offsets));
        Add(loads, target.ReadsTexts, target.TextsFrom, nameof(FactLayout.TextOffsets));
        Add(loads, target.ReadsMonth, target.Month, nameof(FactLayout.Months));
        Add(loads, target.ReadsDay, target.Day, nameof(FactLayout.Days));
        return Expression.Block(loads);

        void Add(List<Expression> to, bool reads, ParameterExpression variable, string array)
        {
            if (reads)
            {
                to.Add(Expression.Assign(variable, Expression.ArrayIndex(Expression.Property(Layout, array), target.Record)));
            }
        }
    }

    /// <summary>Empties the slot: an optional join's record is missing.</summary>
    public Expression Clear(int slot) => Expression.Assign(Record(slot), Expression.Constant(Row.EmptySlot));

    /// <summary>Puts a calendar period (its month and first day) in slot 0, which then has no columns.</summary>
    public Expression LoadPeriod(Expression month, Expression day) => Expression.Block(
        Expression.Assign(slots[0].Record, Expression.Constant(Row.CalendarSlot)),
        Expression.Assign(slots[0].Month, month),
        Expression.Assign(slots[0].Day, day));

    /// <summary>Fills <paramref name="row"/>'s slots from the variables, for a hit (the calendar period's slot by <see cref="Row.SetPeriod"/>).</summary>
    public Expression Fill(ParameterExpression row, bool calendar) => Expression.Block(slots.Skip(calendar ? 1 : 0).Select(slot =>
        Expression.IfThenElse(
            Expression.Equal(slot.Record, Expression.Constant(Row.EmptySlot)),
            Expression.Call(row, typeof(Row).GetMethod(nameof(Row.Clear))!, Expression.Constant(slot.Index)),
            Expression.Call(row, typeof(Row).GetMethod(nameof(Row.Set))!, Expression.Constant(slot.Index), slot.Record))));

    /// <summary>An expression of these variables compiled over a filled <see cref="Row"/> (a hit's): the variables are read from it first.</summary>
    public Func<Row, T> Compile<T>(Expression body)
    {
        var row = Expression.Parameter(typeof(Row), "row");
        var reads = slots.SelectMany(slot => new Expression[]
        {
            Expression.Assign(slot.Record, Expression.Call(row, typeof(Row).GetMethod(nameof(Row.Record))!, Expression.Constant(slot.Index))),
            Expression.Assign(slot.NumbersFrom, Expression.Call(row, typeof(Row).GetMethod(nameof(Row.NumbersFrom))!, Expression.Constant(slot.Index))),
            Expression.Assign(slot.TextsFrom, Expression.Call(row, typeof(Row).GetMethod(nameof(Row.TextsFrom))!, Expression.Constant(slot.Index))),
            Expression.Assign(slot.Month, Expression.Call(row, typeof(Row).GetMethod(nameof(Row.Month))!, Expression.Constant(slot.Index))),
            Expression.Assign(slot.Day, Expression.Call(row, typeof(Row).GetMethod(nameof(Row.Day))!, Expression.Constant(slot.Index))),
        });
        return Expression.Lambda<Func<Row, T>>(Expression.Block(typeof(T), All(), [.. Begin(row), .. reads, body]), row).Compile();
    }

    // A column from an offset variable; NaN (or null) when the slot may be empty and is.
    private static Expression Column(Slot slot, ParameterExpression from, ParameterExpression array, int column, Expression unknown)
    {
        var read = Expression.ArrayIndex(array, Expression.Add(from, Expression.Constant(column)));
        return slot.MayBeEmpty ? Expression.Condition(Expression.GreaterThanOrEqual(slot.Record, Expression.Constant(0)), read, unknown) : read;
    }

    /// <summary>One slot's variables, and which of them the rule reads.</summary>
    private sealed class Slot(int index, bool mayBeEmpty)
    {
        public int Index { get; } = index;

        public bool MayBeEmpty { get; } = mayBeEmpty;

        public ParameterExpression Record { get; } = Expression.Variable(typeof(int), $"record{index}");

        public ParameterExpression NumbersFrom { get; } = Expression.Variable(typeof(int), $"numbers{index}");

        public ParameterExpression TextsFrom { get; } = Expression.Variable(typeof(int), $"texts{index}");

        public ParameterExpression Month { get; } = Expression.Variable(typeof(int), $"month{index}");

        public ParameterExpression Day { get; } = Expression.Variable(typeof(int), $"day{index}");

        public bool ReadsNumbers { get; set; }

        public bool ReadsTexts { get; set; }

        public bool ReadsMonth { get; set; }

        public bool ReadsDay { get; set; }
    }
}
