using System.Linq.Expressions;
using System.Text.Json;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// Compiles a <c>when</c> tree once, on load: <c>{"all": [...]}</c>, <c>{"any": [...]}</c>,
/// <c>{"not": c}</c>, comparisons <c>{"==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=": [a, b]}</c>
/// between operands of the same type (text only with == and !=), and <c>{"missing": "alias"}</c> /
/// <c>{"exists": "alias"}</c> for an optional join.
/// </summary>
/// <remarks>
/// Conditions are three-valued: a comparison with a missing or unreadable value is unknown,
/// <c>not</c> keeps it unknown, and a rule fires only on true. So missing data never raises a flag,
/// not even through a negation.
/// </remarks>
internal static class ConditionCompiler
{
    private const string Example = "{\"all\": [{\">\": [\"tax.filedOn\", \"tax.dueDate\"]}]}";

    private static readonly ConstantExpression Null = Expression.Constant(null, typeof(string));

    public static Condition Compile(JsonElement element, AliasScope scope, Location at)
    {
        var (op, argument) = JsonRead.SingleProperty(element, at, Example);
        var inner = at.Property(op);
        return op switch
        {
            "all" => Condition.All(List(argument, scope, inner)),
            "any" => Condition.Any(List(argument, scope, inner)),
            "not" => Compile(argument, scope, inner).Negated(),
            "==" or "!=" or "<" or "<=" or ">" or ">=" => Comparison(op, argument, scope, inner),
            "missing" => Presence(argument, scope, inner, present: false),
            "exists" => Presence(argument, scope, inner, present: true),
            _ => throw at.Error($"unknown operator '{op}' in a condition (expected all, any, not, ==, !=, <, <=, >, >=, missing, exists)"),
        };
    }

    /// <summary>
    /// Compiles a rule's condition as its parts, and says what each reads: the conditions of a top-level
    /// <c>all</c> (else the condition itself), with the row slots each reads (<see cref="AliasScope.TakeReads"/>).
    /// The condition holds where every part does, so a part that reads only the registration, say, can rule
    /// out every row of the enterprise at once.
    /// </summary>
    public static IReadOnlyList<(Condition Part, ulong Reads)> CompileRule(JsonElement element, AliasScope scope, Location at)
    {
        scope.TakeReads();
        var (op, argument) = JsonRead.SingleProperty(element, at, Example);
        if (op != "all")
        {
            var condition = Compile(element, scope, at);
            return [(condition, scope.TakeReads())];
        }

        var inner = at.Property(op);
        var parts = new List<(Condition Part, ulong Reads)>();
        foreach (var (item, i) in JsonRead.Arguments(argument, inner, minimum: 1).Select((item, i) => (item, i)))
        {
            parts.Add((Compile(item, scope, inner.Index(i)), scope.TakeReads()));
        }

        return parts;
    }

    private static Condition[] List(JsonElement argument, AliasScope scope, Location at) =>
        [.. JsonRead.Arguments(argument, at, minimum: 1).Select((item, i) => Compile(item, scope, at.Index(i)))];

    // Whether an optional join found its record: never unknown, since the row itself says.
    private static Condition Presence(JsonElement argument, AliasScope scope, Location at, bool present)
    {
        var filled = scope.Row.Filled(scope.ResolveOptional(JsonRead.NonEmptyString(argument, at), at));
        var condition = new Condition(filled, Expression.Not(filled));
        return present ? condition : condition.Negated();
    }

    private static Condition Comparison(string op, JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var left = OperandCompiler.Compile(items[0], scope, at.Index(0));
        var right = OperandCompiler.Compile(items[1], scope, at.Index(1));
        return (left, right) switch
        {
            (NumberOperand or DateOperand, NumberOperand or DateOperand) when left.Type == right.Type => Ordered(op, left.Body, right.Body),
            (TextOperand, TextOperand) when op is "==" or "!=" => Equality(left.Body, right.Body, op == "=="),
            (TextOperand, TextOperand) => throw at.Error($"text can only be compared with == or !=, not '{op}'"),
            _ => throw at.Error(
                $"cannot compare {left.Description} ({TypeName(left)}) with {right.Description} ({TypeName(right)})"),
        };
    }

    // A machine comparison of doubles is false when either side is NaN (unknown), so each ordering holds
    // where it is true and fails where its opposite is; only (in)equality needs both sides twice.
    private static Condition Ordered(string op, Expression left, Expression right) => op switch
    {
        "<" => new(Expression.LessThan(left, right), Expression.GreaterThanOrEqual(left, right)),
        "<=" => new(Expression.LessThanOrEqual(left, right), Expression.GreaterThan(left, right)),
        ">" => new(Expression.GreaterThan(left, right), Expression.LessThanOrEqual(left, right)),
        ">=" => new(Expression.GreaterThanOrEqual(left, right), Expression.LessThan(left, right)),
        "==" => new(Expression.Equal(left, right), Unequal(left, right)),
        _ => new(Unequal(left, right), Expression.Equal(left, right)),
    };

    // Known and different: one side below or above the other (both false with a NaN).
    private static BlockExpression Unequal(Expression left, Expression right)
    {
        var (x, y) = (Expression.Variable(typeof(double), "x"), Expression.Variable(typeof(double), "y"));
        return Expression.Block(
            [x, y],
            Expression.Assign(x, left),
            Expression.Assign(y, right),
            Expression.OrElse(Expression.LessThan(x, y), Expression.GreaterThan(x, y)));
    }

    private static Condition Equality(Expression left, Expression right, bool equal)
    {
        // Both known, and (un)equal; unknown when either is null.
        BlockExpression Known(bool same)
        {
            var (a, b) = (Expression.Variable(typeof(string), "a"), Expression.Variable(typeof(string), "b"));
            var compared = RowExpressions.Same(a, b);
            return Expression.Block(
                [a, b],
                Expression.Assign(a, left),
                Expression.Assign(b, right),
                Expression.AndAlso(
                    Expression.AndAlso(Expression.NotEqual(a, Null), Expression.NotEqual(b, Null)),
                    same ? compared : Expression.Not(compared)));
        }

        return new(Known(equal), Known(!equal));
    }

    private static string TypeName(Operand operand) => operand.Type.ToString().ToLowerInvariant();
}
