using System.Text.Json;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// Compiles a <c>when</c> tree once, on load: <c>{"all": [...]}</c>, <c>{"any": [...]}</c>,
/// <c>{"not": c}</c>, comparisons <c>{"==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=": [a, b]}</c>
/// between operands of the same type (text only with == and !=), and <c>{"missing": "alias"}</c> /
/// <c>{"exists": "alias"}</c> for an optional join.
/// </summary>
/// <remarks>
/// Conditions are three-valued: a comparison with a missing or unreadable value is unknown (null),
/// <c>not</c> keeps it unknown, and a rule fires only on true. So missing data never raises a flag,
/// not even through a negation.
/// </remarks>
internal static class ConditionCompiler
{
    private const string Example = "{\"all\": [{\">\": [\"tax.filedOn\", \"tax.dueDate\"]}]}";

    public static Func<Row, bool?> Compile(JsonElement element, AliasScope scope, Location at)
    {
        var (op, argument) = JsonRead.SingleProperty(element, at, Example);
        var inner = at.Property(op);
        return op switch
        {
            "all" => All(List(argument, scope, inner)),
            "any" => Any(List(argument, scope, inner)),
            "not" => Not(Compile(argument, scope, inner)),
            "==" or "!=" or "<" or "<=" or ">" or ">=" => Comparison(op, argument, scope, inner),
            "missing" => Presence(argument, scope, inner, present: false),
            "exists" => Presence(argument, scope, inner, present: true),
            _ => throw at.Error($"unknown operator '{op}' in a condition (expected all, any, not, ==, !=, <, <=, >, >=, missing, exists)"),
        };
    }

    /// <summary>
    /// Compiles a rule's condition, and says what each of its parts reads: the conditions of a top-level
    /// <c>all</c> (else the condition itself), with the row slots each reads (<see cref="AliasScope.TakeReads"/>).
    /// When a part is false the condition is, so a part that reads only the registration, say, can rule
    /// out every row of the enterprise at once.
    /// </summary>
    public static (Func<Row, bool?> Condition, IReadOnlyList<(Func<Row, bool?> Part, ulong Reads)> Parts) CompileRule(JsonElement element, AliasScope scope, Location at)
    {
        scope.TakeReads();
        var (op, argument) = JsonRead.SingleProperty(element, at, Example);
        if (op != "all")
        {
            var condition = Compile(element, scope, at);
            return (condition, [(condition, scope.TakeReads())]);
        }

        var inner = at.Property(op);
        var parts = new List<(Func<Row, bool?> Part, ulong Reads)>();
        foreach (var (item, i) in JsonRead.Arguments(argument, inner, minimum: 1).Select((item, i) => (item, i)))
        {
            parts.Add((Compile(item, scope, inner.Index(i)), scope.TakeReads()));
        }

        return (All([.. parts.Select(part => part.Part)]), parts);
    }

    private static Func<Row, bool?>[] List(JsonElement argument, AliasScope scope, Location at) =>
        [.. JsonRead.Arguments(argument, at, minimum: 1).Select((item, i) => Compile(item, scope, at.Index(i)))];

    // Up to four conditions, the usual, are called one by one rather than looped over; the first false
    // decides, else any unknown makes the whole unknown.
    public static Func<Row, bool?> All(Func<Row, bool?>[] conditions) => conditions switch
    {
        [var only] => only,
        [var a, var b] => row =>
        {
            var (x, y) = (a(row), (bool?)null);
            return x == false || (y = b(row)) == false ? false : x == true && y == true ? true : null;
        },
        [var a, var b, var c] => row =>
        {
            var (x, y, z) = (a(row), (bool?)null, (bool?)null);
            return x == false || (y = b(row)) == false || (z = c(row)) == false ? false : x == true && y == true && z == true ? true : null;
        },
        [var a, var b, var c, var d] => row =>
        {
            var (x, y, z, w) = (a(row), (bool?)null, (bool?)null, (bool?)null);
            return x == false || (y = b(row)) == false || (z = c(row)) == false || (w = d(row)) == false
                ? false
                : x == true && y == true && z == true && w == true ? true : null;
        },
        _ => row =>
        {
            var unknown = false;
            foreach (var condition in conditions)
            {
                switch (condition(row))
                {
                    case false:
                        return false;
                    case null:
                        unknown = true;
                        break;
                }
            }

            return unknown ? null : true;
        },
    };

    private static Func<Row, bool?> Any(Func<Row, bool?>[] conditions) => row =>
    {
        var unknown = false;
        foreach (var condition in conditions)
        {
            switch (condition(row))
            {
                case true:
                    return true;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : false;
    };

    private static Func<Row, bool?> Not(Func<Row, bool?> condition) => row => !condition(row);

    // Whether an optional join found its record: never unknown, since the row itself says.
    private static Func<Row, bool?> Presence(JsonElement argument, AliasScope scope, Location at, bool present)
    {
        var slot = scope.ResolveOptional(JsonRead.NonEmptyString(argument, at), at);
        return row => row[slot] is not null == present;
    }

    private static Func<Row, bool?> Comparison(string op, JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var left = OperandCompiler.Compile(items[0], scope, at.Index(0));
        var right = OperandCompiler.Compile(items[1], scope, at.Index(1));
        return (left, right) switch
        {
            (NumberOperand l, NumberOperand r) => Ordered(op, l, r, l.Evaluate, r.Evaluate),
            (DateOperand l, DateOperand r) => Ordered(op, l, r, l.Evaluate, r.Evaluate),
            (TextOperand l, TextOperand r) when op is "==" or "!=" => Equality(l, r, op == "=="),
            (TextOperand, TextOperand) => throw at.Error($"text can only be compared with == or !=, not '{op}'"),
            _ => throw at.Error(
                $"cannot compare {left.Description} ({TypeName(left)}) with {right.Description} ({TypeName(right)})"),
        };
    }

    // One closure per operator and kind of sides, so that a comparison of a field with a literal or
    // another field reads the columns itself, and any other is two operand calls and one machine
    // comparison; an unknown (NaN) side makes it unknown.
    private static Func<Row, bool?> Ordered(string op, Operand left, Operand right, Func<Row, double> l, Func<Row, double> r) => op switch
    {
        "==" => Ordered<Equal>(left, right, l, r),
        "!=" => Ordered<NotEqual>(left, right, l, r),
        "<" => Ordered<Less>(left, right, l, r),
        "<=" => Ordered<LessOrEqual>(left, right, l, r),
        ">" => Ordered<Greater>(left, right, l, r),
        _ => Ordered<GreaterOrEqual>(left, right, l, r),
    };

    private static Func<Row, bool?> Ordered<TOrder>(Operand left, Operand right, Func<Row, double> l, Func<Row, double> r)
        where TOrder : struct, IOrder => (left.Field, right.Field, right.Constant) switch
        {
            ({ } a, { } b, _) => FieldField<TOrder>(a.Slot, a.Column, b.Slot, b.Column),
            ({ } a, null, { } constant) => FieldConstant<TOrder>(a.Slot, a.Column, constant),
            _ => row => Unknown(l(row), r(row), out var x, out var y) ? null : TOrder.Holds(x, y),
        };

    private static Func<Row, bool?> FieldField<TOrder>(int leftSlot, int leftColumn, int rightSlot, int rightColumn)
        where TOrder : struct, IOrder =>
        row => Unknown(row.Number(leftSlot, leftColumn), row.Number(rightSlot, rightColumn), out var x, out var y) ? null : TOrder.Holds(x, y);

    // A literal is never unknown.
    private static Func<Row, bool?> FieldConstant<TOrder>(int slot, int column, double constant)
        where TOrder : struct, IOrder =>
        row => row.Number(slot, column) is var value && double.IsNaN(value) ? null : TOrder.Holds(value, constant);

    /// <summary>Hands both sides back, evaluated once each, and says whether either is unknown.</summary>
    private static bool Unknown(double left, double right, out double l, out double r)
    {
        (l, r) = (left, right);
        return double.IsNaN(left) || double.IsNaN(right);
    }

    private static Func<Row, bool?> Equality(TextOperand left, TextOperand right, bool equal)
    {
        if (left.Field is { } field && right.Literal is { } literal)
        {
            var (slot, column) = (field.Slot, field.Column);
            return row => row.Text(slot, column) is { } value ? string.Equals(value, literal, StringComparison.Ordinal) == equal : null;
        }

        var (l, r) = (left.Evaluate, right.Evaluate);
        return row => l(row) is { } a && r(row) is { } b ? string.Equals(a, b, StringComparison.Ordinal) == equal : null;
    }

    /// <summary>A comparison operator, as a type, so that each compiled comparison is its own machine code.</summary>
    private interface IOrder
    {
        static abstract bool Holds(double left, double right);
    }

    private readonly struct Equal : IOrder
    {
        public static bool Holds(double left, double right) => left == right;
    }

    private readonly struct NotEqual : IOrder
    {
        public static bool Holds(double left, double right) => left != right;
    }

    private readonly struct Less : IOrder
    {
        public static bool Holds(double left, double right) => left < right;
    }

    private readonly struct LessOrEqual : IOrder
    {
        public static bool Holds(double left, double right) => left <= right;
    }

    private readonly struct Greater : IOrder
    {
        public static bool Holds(double left, double right) => left > right;
    }

    private readonly struct GreaterOrEqual : IOrder
    {
        public static bool Holds(double left, double right) => left >= right;
    }

    private static string TypeName(Operand operand) => operand.Type.ToString().ToLowerInvariant();
}
