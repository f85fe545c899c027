using System.Text.Json;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;
using Inspection.Rules.Validation;

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
        JsonValueKind.Number => NumberLiteral(element, at),
        JsonValueKind.String => Reference(element.GetString()!, scope, at),
        JsonValueKind.Object => Expression(element, scope, at),
        _ => throw at.Error("expected a field reference \"alias.field\", a number, {\"text\": …}, {\"date\": …} or an arithmetic expression"),
    };

    private static NumberOperand NumberLiteral(JsonElement element, Location at)
    {
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw at.Error($"number {element.GetRawText()} is out of range");
        }

        return new NumberOperand(_ => value, $"the number {FieldValues.InvariantNumber(value)}") { Constant = value };
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
            FieldType.Number => new NumberOperand(row => row.Number(slot, column), description) { Field = field },
            FieldType.Date => new DateOperand(row => row.Number(slot, column), description) { Field = field },
            _ => new TextOperand(row => row.Text(slot, column), description) { Field = field },
        };
    }

    private static Operand Expression(JsonElement element, AliasScope scope, Location at)
    {
        var (op, argument) = JsonRead.SingleProperty(element, at, Example);
        var inner = at.Property(op);
        return op switch
        {
            "text" => TextLiteral(JsonRead.NonEmptyString(argument, inner)),
            "date" => DateLiteral(JsonRead.ParseDate(JsonRead.NonEmptyString(argument, inner), inner)),
            "+" or "-" or "*" or "/" => Arithmetic(op, argument, scope, inner),
            "changePct" => ChangePercent(argument, scope, inner),
            "days" => Days(argument, scope, inner),
            "addDays" => AddDays(argument, scope, inner),
            "addMonths" => AddMonths(argument, scope, inner),
            "periodStart" => PeriodBound(argument, scope, inner, end: false),
            "periodEnd" => PeriodBound(argument, scope, inner, end: true),
            "asOf" => AsOf(argument, inner),
            "sum" or "mean" or "min" or "max" or "count" => WindowCompiler.Compile(op, argument, scope, inner),
            _ => throw at.Error(
                $"unknown operator '{op}' in a value (expected text, date, +, -, *, /, changePct, days, addDays, addMonths, periodStart, periodEnd, asOf, sum, mean, min, max, count)"),
        };
    }

    private static TextOperand TextLiteral(string value) => new(_ => value, "a text literal") { Literal = value };

    private static DateOperand DateLiteral(DateOnly value)
    {
        double day = value.DayNumber;
        return new(_ => day, "a date literal") { Constant = day };
    }

    private static NumberOperand Arithmetic(string op, JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2);
        var operands = new Func<Row, double>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var operand = Compile(items[i], scope, at.Index(i));
            operands[i] = operand is NumberOperand number
                ? number.Evaluate
                : throw at.Index(i).Error($"non-numeric operand in '{op}': {operand.Description} is {operand.Type.ToString().ToLowerInvariant()}");
        }

        // Unknown in, unknown out: NaN carries through the arithmetic by itself. A division by zero or
        // an overflow is unknown too rather than an error, because one bad registry value must not stop
        // the other rules.
        Func<double, double, double> apply = op switch
        {
            "+" => (a, b) => a + b,
            "-" => (a, b) => a - b,
            "*" => (a, b) => a * b,
            _ => (a, b) => b == 0 ? double.NaN : a / b,
        };

        if (operands.Length == 2)
        {
            var (left, right) = (operands[0], operands[1]);
            return new NumberOperand(row => Finite(apply(left(row), right(row))), $"an arithmetic '{op}'");
        }

        return new NumberOperand(row => Fold(operands, apply, row), $"an arithmetic '{op}'");
    }

    private static double Fold(Func<Row, double>[] operands, Func<double, double, double> apply, Row row)
    {
        var result = operands[0](row);
        for (var i = 1; i < operands.Length && !double.IsNaN(result); i++)
        {
            result = apply(result, operands[i](row));
        }

        return Finite(result);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;

    private static NumberOperand Days(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var from = DateArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "days");
        var to = DateArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "days");
        return new NumberOperand(row => to(row) - from(row), "a 'days' difference");
    }

    // A record without a period (or with an unreadable one) has no period start or end: unknown.
    private static DateOperand PeriodBound(JsonElement argument, AliasScope scope, Location at, bool end)
    {
        var alias = JsonRead.NonEmptyString(argument, at);
        var slot = scope.ResolvePeriodic(alias, at);
        return end
            ? new DateOperand(row => IsDay(row.Day(slot)) ? DateOnly.FromDayNumber(row.Day(slot)).AddMonths(1).DayNumber - 1 : double.NaN, $"the period end of {alias}")
            : new DateOperand(row => IsDay(row.Day(slot)) ? row.Day(slot) : double.NaN, $"the period start of {alias}");
    }

    /// <summary>Whether a row's period day (<see cref="Row.Day"/>) is a day, not an empty slot nor a period missing or unreadable.</summary>
    private static bool IsDay(int day) => day is not (Periods.None or Periods.Absent);

    private static DateOperand AsOf(JsonElement argument, Location at)
    {
        if (argument.ValueKind != JsonValueKind.Object || argument.EnumerateObject().Any())
        {
            throw at.Error("takes no arguments: write {\"asOf\": {}}");
        }

        return new DateOperand(row => row.AsOf, "the assessment date");
    }

    // 100 × (to − from) / |from|: a fall from 1,000 to 250 is −75; unknown when there is nothing to change from.
    private static NumberOperand ChangePercent(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var from = NumberArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "changePct");
        var to = NumberArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "changePct");
        return new NumberOperand(
            row => from(row) is var start && start != 0 ? Finite(100 * (to(row) - start) / Math.Abs(start)) : double.NaN,
            "a 'changePct'");
    }

    private static DateOperand AddDays(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var date = DateArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "addDays");
        var days = NumberArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "addDays");
        return new DateOperand(row => Math.Floor(date(row) + days(row)), "an 'addDays' date");
    }

    private static DateOperand AddMonths(JsonElement argument, AliasScope scope, Location at)
    {
        var items = JsonRead.Arguments(argument, at, minimum: 2, maximum: 2);
        var date = DateArgument(Compile(items[0], scope, at.Index(0)), at.Index(0), "addMonths");
        var months = NumberArgument(Compile(items[1], scope, at.Index(1)), at.Index(1), "addMonths");
        return new DateOperand(
            row => date(row) is var day && FieldValues.IsDayNumber(day) && months(row) is var n && Math.Abs(n) <= 1200
                ? DateOnly.FromDayNumber((int)day).AddMonths((int)n).DayNumber
                : double.NaN,
            "an 'addMonths' date");
    }

    private static Func<Row, double> NumberArgument(Operand operand, Location at, string op) =>
        operand is NumberOperand number
            ? number.Evaluate
            : throw at.Error($"'{op}' needs a number here: {operand.Description} is {operand.Type.ToString().ToLowerInvariant()}");

    private static Func<Row, double> DateArgument(Operand operand, Location at, string op) =>
        operand is DateOperand date
            ? date.Evaluate
            : throw at.Error($"'{op}' needs a date here: {operand.Description} is {operand.Type.ToString().ToLowerInvariant()}");
}
