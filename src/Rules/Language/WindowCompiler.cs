using System.Globalization;
using System.Linq.Expressions;
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
        Func<FactLayout, int, double> evaluate = function switch
        {
            "count" => window.Count,
            "sum" => window.Sum,
            "mean" => window.Mean,
            "min" => window.Min,
            _ => window.Max,
        };
        var body = Expression.Call(Expression.Constant(window), evaluate.Method, scope.Row.Layout, scope.Row.Month(0));
        Operand operand = type == FieldType.Date && function is "min" or "max"
            ? new DateOperand(scope.Row, body, $"the window {key}")
            : new NumberOperand(scope.Row, body, $"the window {key}");
        scope.Observe(key, operand);
        return operand;
    }

    /// <summary>The records of one shape in the months [row's period − skip − last + 1, row's period − skip].</summary>
    private sealed class Window(int shape, int column, bool text, int last, int skip)
    {
        public double Count(FactLayout layout, int month) => Fold(layout, month, out var known, out _, out _, out _) ? known : 0;

        public double Sum(FactLayout layout, int month) => Fold(layout, month, out _, out var sum, out _, out _) ? sum : double.NaN;

        public double Mean(FactLayout layout, int month) => Fold(layout, month, out var known, out var sum, out _, out _) ? sum / known : double.NaN;

        public double Min(FactLayout layout, int month) => Fold(layout, month, out _, out _, out var min, out _) ? min : double.NaN;

        public double Max(FactLayout layout, int month) => Fold(layout, month, out _, out _, out _, out var max) ? max : double.NaN;

        /// <summary>
        /// Folds the known values of the window ending at the row's month (every record, for a count without a
        /// field), in the order of the records, into their count, sum, minimum and maximum; whether there was any.
        /// </summary>
        private bool Fold(FactLayout layout, int period, out int known, out double sum, out double min, out double max)
        {
            (known, sum, min, max) = (0, 0, double.PositiveInfinity, double.NegativeInfinity);
            if (period == Periods.None)
            {
                return false;
            }

            // The records with a period, by month: the window is the run from its first month to its last.
            var (from, to) = (period - skip - last + 1, period - skip);
            var (first, end) = layout.PeriodicFrom(shape, from);
            for (var i = first; i < end && layout.PeriodicMonths[i] <= to; i++)
            {
                var record = layout.Periodic[i];
                var value = column < 0 ? 0
                    : text ? (layout.Texts[layout.TextOffsets[record] + column] is null ? double.NaN : 0)
                    : layout.Numbers[layout.Offsets[record] + column];
                if (!double.IsNaN(value))
                {
                    (known, sum, min, max) = (known + 1, sum + value, Math.Min(min, value), Math.Max(max, value));
                }
            }

            return known > 0;
        }
    }
}
