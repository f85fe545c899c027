using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// Compiles a window over the enterprise's records of the periods up to the row's:
/// <c>{"sum"|"mean"|"min"|"max"|"count": {"of": "alias.field", "last": 3, "skip": 1}}</c> takes the
/// records of that alias's registry and kind in the <c>last</c> months ending <c>skip</c> months before
/// the row's period (<c>skip</c> 0, the default, includes the row's own). <c>count</c> also takes a bare
/// alias: how many such records there are. A window with no known value is unknown (a count, 0).
/// </summary>
internal static class WindowCompiler
{
    private static readonly string[] Properties = ["of", "last", "skip"];

    /// <summary>A window longer than ten years is surely a mistake.</summary>
    private const int MaxMonths = 120;

    public static Operand Compile(string function, JsonElement argument, AliasScope scope, Location at)
    {
        JsonRead.ExpectObject(argument, at);
        JsonRead.OnlyProperties(argument, at, Properties);
        var of = JsonRead.String(argument, "of", at);
        var last = JsonRead.PositiveInt(argument, "last", at);
        if (last > MaxMonths)
        {
            throw at.Property("last").Error($"a window of {last} months is longer than {MaxMonths}");
        }

        var skip = 0;
        if (JsonRead.Optional(argument, "skip") is { } skipValue
            && !(skipValue.ValueKind == JsonValueKind.Number && skipValue.TryGetInt32(out skip) && skip is >= 0 and <= MaxMonths))
        {
            throw at.Property("skip").Error($"must be a whole number from 0 to {MaxMonths}");
        }

        var (shape, field, column, type) = scope.ResolveWindow(of, at.Property("of"));
        if (field is null && function != "count")
        {
            throw at.Property("of").Error($"'{function}' needs a field (alias.field); only 'count' counts records");
        }

        if (type == FieldType.Text && function != "count")
        {
            throw at.Property("of").Error($"'{function}' needs numbers or dates: {of} is text");
        }

        if (type == FieldType.Date && function is "sum" or "mean")
        {
            throw at.Property("of").Error($"'{function}' needs numbers: {of} is a date (min and max take dates)");
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{function}({of}, last {last}{(skip > 0 ? $", skip {skip}" : string.Empty)})");
        var window = new Window(shape.Ordinal, column, type == FieldType.Text, last, skip);
        WindowValue evaluate = function switch
        {
            "count" => window.Count,
            "sum" => window.Sum,
            "mean" => window.Mean,
            "min" => window.Min,
            _ => window.Max,
        };
        var body = Expression.Call(Expression.Constant(window), evaluate.Method, scope.Row.Layout, scope.Row.Month(0), scope.Row.Cursor());
        Operand operand = type == FieldType.Date && function is "min" or "max"
            ? new DateOperand(scope.Row, body, $"the window {key}")
            : new NumberOperand(scope.Row, body, $"the window {key}");
        scope.Observe(key, operand);
        return operand;
    }

    /// <summary>A window's value over the layout (by reference: it is a value of a dozen arrays) at the row's month, from the window's cursor.</summary>
    private delegate double WindowValue(in FactLayout layout, int month, ref int cursor);

    /// <summary>
    /// The records of one shape in the months [row's period − skip − last + 1, row's period − skip]: each
    /// function folds only what it needs of their known values, in the order of the records.
    /// </summary>
    private sealed class Window(int shape, int column, bool text, int last, int skip)
    {
        /// <summary>How many of the window's records have a known value (every record, for a count without a field).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Count(in FactLayout layout, int month, ref int cursor)
        {
            var (first, end, to) = Range(layout, month, ref cursor);
            var known = 0;
            for (var i = first; i < end && layout.PeriodicMonths[i] <= to; i++)
            {
                known += column < 0 || !double.IsNaN(Value(layout, layout.Periodic[i])) ? 1 : 0;
            }

            return known;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Sum(in FactLayout layout, int month, ref int cursor) => Total(layout, month, ref cursor, out _);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Mean(in FactLayout layout, int month, ref int cursor) =>
            Total(layout, month, ref cursor, out var known) is var sum && known > 0 ? sum / known : double.NaN;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Min(in FactLayout layout, int month, ref int cursor) =>
            Extremes(layout, month, ref cursor, out var min, out _) ? min : double.NaN;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Max(in FactLayout layout, int month, ref int cursor) =>
            Extremes(layout, month, ref cursor, out _, out var max) ? max : double.NaN;

        // The sum of the known values (NaN when none is) and how many there are.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private double Total(in FactLayout layout, int month, ref int cursor, out int known)
        {
            var (first, end, to) = Range(layout, month, ref cursor);
            (known, var sum) = (0, 0d);
            for (var i = first; i < end && layout.PeriodicMonths[i] <= to; i++)
            {
                var value = Value(layout, layout.Periodic[i]);
                if (!double.IsNaN(value))
                {
                    (known, sum) = (known + 1, sum + value);
                }
            }

            return known > 0 ? sum : double.NaN;
        }

        // The smallest and largest known values; whether there was any.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Extremes(in FactLayout layout, int month, ref int cursor, out double min, out double max)
        {
            var (first, end, to) = Range(layout, month, ref cursor);
            (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
            var any = false;
            for (var i = first; i < end && layout.PeriodicMonths[i] <= to; i++)
            {
                var value = Value(layout, layout.Periodic[i]);
                if (!double.IsNaN(value))
                {
                    (min, max, any) = (Math.Min(min, value), Math.Max(max, value), true);
                }
            }

            return any;
        }

        // The window's records as a run of the layout's periodic records (from first, before end, while
        // their month is at most to); none for a row without a period.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private (int First, int End, int To) Range(in FactLayout layout, int month, ref int cursor)
        {
            if (month == Periods.None)
            {
                return (0, 0, 0);
            }

            // The records with a period, by month: the window is the run from its first month to its last.
            var (first, end) = layout.PeriodicFrom(shape, month - skip - last + 1, ref cursor);
            return (first, end, month - skip);
        }

        // A record's value in the window's column: NaN when unknown; a text's is 0 when known.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private double Value(in FactLayout layout, int record) =>
            text ? (layout.Texts[layout.TextOffsets[record] + column] is null ? double.NaN : 0)
            : layout.Numbers[layout.Offsets[record] + column];
    }
}
