using System.Linq.Expressions;
using System.Text.Json;
using Inspection.Rules.Formatting;
using Inspection.Rules.Validation;
using Ex = System.Linq.Expressions.Expression;

namespace Inspection.Rules.Language;

/// <summary>
/// Compiles a value expression once, on load:
/// <c>"alias.field"</c> (a field reference), a JSON number, <c>{"text": "dissolved"}</c>,
/// <c>{"date": "2026-07-01"}</c>, <c>{"+"|"-"|"*"|"/": [a, b, …]}</c> on numbers,
/// <c>{"changePct": [from, to]}</c> (the change from one number to another, in percent),
/// <c>{"days": [from, to]}</c> (days from one date to another), <c>{"addDays": [date, n]}</c>,
/// <c>{"addMonths": [date, n]}</c>, <c>{"periodStart": "alias"}</c> and <c>{"periodEnd": "alias"}</c> (the
/// first and last day of that row's period), <c>{"asOf": {}}</c> (the assessment date), and windows over
/// the enterprise's records of the periods before the row's: <c>{"sum"|"mean"|"min"|"max"|"count":
/// {"of": "alias.field", "last": 3, "skip": 1}}</c>.
/// </summary>
internal static class OperandCompiler
{
    private const string Example = "{\"*\": [0.5, \"tax.payrollHeadcount\"]}";

    public static Operand Compile(JsonElement element, AliasScope scope, Location at) => element.ValueKind switch
    {
        JsonValueKind.Number => NumberLiteral(element, scope, at),
        JsonValueKind.String => Reference(element.GetString()!, scope, at),
        JsonValueKind.Object => Compound(element, scope, at),
        _ => throw at.Error("expected a field reference \"alias.field\", a number, {\"text\": …}, {\"date\": …} or an arithmetic expression"),
    };

    private static NumberOperand NumberLiteral(JsonElement element, AliasScope scope, Location at)
    {
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw at.Error($"number {element.GetRawText()} is out of range");
        }

        return new NumberOperand(scope.Row, Ex.Constant(value), $"the number {FieldValues.InvariantNumber(value)}");
    }

    private static Operand Reference(string reference, AliasScope scope, Location at)
    {
        // Strings are field references, so a quoted literal would otherwise fail as an "unknown alias":
        // say what was probably meant instead.
        if (FieldValues.Number(reference) is not null)
        {
            throw at.Error($"non-numeric literal \"{reference}\": write numbers without quotes");
        }

        if (FieldValues.Date(reference) is not null)
        {
            throw at.Error($"\"{reference}\" is not a field reference: write dates as {{\"date\": \"{reference}\"}}");
        }

        if (!reference.Contains('.', StringComparison.Ordinal))
        {
            throw at.Error($"\"{reference}\" is not a field reference (alias.field): write text as {{\"text\": \"{reference}\"}}");
        }

        var field = scope.Resolve(reference, at);
        var (slot, column, description) = (field.Slot, field.Column, $"field {field.Key}");
        return field.Type switch
        {
            FieldType.Number => new NumberOperand(scope.Row, scope.Row.Number(slot, column), description),
            FieldType.Date => new DateOperand(scope.Row, scope.Row.Number(slot, column), description),
            _ => new TextOperand(scope.Row, scope.Row.Text(slot, column), description),
        };
    }

    private static Operand Compound(JsonElement element, AliasScope scope, Location at)
    {
        var (op, argument) = JsonRead.SingleProperty(element, at, Example);
        var inner = at.Property(op);
        return op switch
        {
            "text" => new TextOperand(scope.Row, Ex.Constant(JsonRead.NonEmptyString(argument, inner), typeof(string)), "a text literal"),
            "date" => new DateOperand(scope.Row, Ex.Constant((double)JsonRead.ParseDate(JsonRead.NonEmptyString(argument, inner), inner).DayNumber), "a date literal"),
            "+" or "-" or "*" or "/" => Arithmetic(op, argument, scope, inner),
            "changePct" => ChangePercent(argument, scope, inner),
            "days" => Days(argument, scope, inner),
            "addDays" => AddDays(argument, scope, inner),
            "addMonths" => AddMonths(argument, scope, inner),
            "periodStart" => PeriodBound(argument, scope, inner, end: false),
            "periodEnd" => PeriodBound(argument, scope, inner, end: true),
            "asOf" => AsOf(argument, scope, inner),
            "sum" or "mean" or "min" or "max" or "count" => WindowCompiler.Compile(op, argument, scope, inner),
            _ => throw at.Error(
                $"unknown operator '{op}' in a value (expected text, date, +, -, *, /, changePct, days, addDays, addMonths, periodStart, periodEnd, asOf, sum, mean, min, max, count)"),
        };
    }

    private static NumberOperand Arithmetic(string op, JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2);
        var operands = new Expression[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var operand = Compile(items[i], scope, at.Index(i));
            operands[i] = operand is NumberOperand number
                ? number.Body
                : throw at.Index(i).Error($"non-numeric operand in '{op}': {operand.Description} is {operand.Type.ToString().ToLowerInvariant()}");
        }

        // Unknown in, unknown out: NaN carries through the arithmetic by itself (an unknown stays unknown
        // whatever follows it). A division by zero or an overflow is unknown too rather than an error,
        // because one bad registry value must not stop the other rules.
        Func<Expression, Expression, Expression> apply = op switch
        {
            "+" => Ex.Add,
            "-" => Ex.Subtract,
            "*" => Ex.Multiply,
            _ => (a, b) => RowExpressions.Call(RowExpressions.Divide, a, b),
        };
        return new NumberOperand(scope.Row, RowExpressions.Call(RowExpressions.Finite, operands.Skip(1).Aggregate(operands[0], apply)), $"an arithmetic '{op}'");
    }

    private static NumberOperand Days(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var from = DateArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "days");
        var to = DateArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "days");
        return new NumberOperand(scope.Row, Ex.Subtract(to, from), "a 'days' difference");
    }

    // A record without a period (or with an unreadable one) has no period start or end: unknown.
    private static DateOperand PeriodBound(JsonElement argument, AliasScope scope, Location at, bool end)
    {
        var alias = JsonRead.NonEmptyString(argument, at);
        var slot = scope.ResolvePeriodic(alias, at);
        var day = scope.Row.Day(slot);
        return end
            ? new DateOperand(scope.Row, RowExpressions.Call(RowExpressions.PeriodEnd, day), $"the period end of {alias}")
            : new DateOperand(scope.Row, RowExpressions.Call(RowExpressions.PeriodStart, day), $"the period start of {alias}") { PeriodOf = slot };
    }

    private static DateOperand AsOf(JsonElement argument, AliasScope scope, Location at)
    {
        if (argument.ValueKind != JsonValueKind.Object || argument.EnumerateObject().Any())
        {
            throw at.Error("takes no arguments: write {\"asOf\": {}}");
        }

        return new DateOperand(scope.Row, scope.Row.AsOf, "the assessment date");
    }

    private static NumberOperand ChangePercent(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var from = NumberArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "changePct");
        var to = NumberArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "changePct");
        return new NumberOperand(scope.Row, RowExpressions.Call(RowExpressions.ChangePercent, from, to), "a 'changePct'");
    }

    private static DateOperand AddDays(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var date = DateArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "addDays");
        var days = NumberArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "addDays");
        return new DateOperand(scope.Row, RowExpressions.Call(RowExpressions.AddDays, date, days), "an 'addDays' date");
    }

    private static DateOperand AddMonths(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var dateOperand = Compile(items[0], scope, at.Index(0));
        var date = DateArgument(dateOperand, at.Index(0), "addMonths");
        var months = NumberArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "addMonths");

        // Months from a period's start, a due date's usual form, is the first day of a later month: worked
        // out from the month number, without taking the date apart into year, month and day.
        if (dateOperand.PeriodOf is { } slot && months is ConstantExpression { Value: double count } && Math.Abs(count) <= 1200)
        {
            var later = Ex.Add(scope.Row.Month(slot), Ex.Constant((int)count));
            return new DateOperand(scope.Row, RowExpressions.Call(RowExpressions.MonthStart, scope.Row.Day(slot), later), "an 'addMonths' date");
        }

        return new DateOperand(scope.Row, RowExpressions.Call(RowExpressions.AddMonths, date, months), "an 'addMonths' date");
    }

    private static Expression NumberArgument(Operand operand, Location at, string op) =>
        operand is NumberOperand number
            ? number.Body
            : throw at.Error($"'{op}' needs a number here: {operand.Description} is {operand.Type.ToString().ToLowerInvariant()}");

    private static Expression DateArgument(Operand operand, Location at, string op) =>
        operand is DateOperand date
            ? date.Body
            : throw at.Error($"'{op}' needs a date here: {operand.Description} is {operand.Type.ToString().ToLowerInvariant()}");
}
