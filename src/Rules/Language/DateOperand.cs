using System.Linq.Expressions;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

/// <summary>A date as its day number (<see cref="DateOnly.DayNumber"/>), so that dates compare and subtract as numbers; NaN is unknown.</summary>
internal sealed class DateOperand(RowVariables variables, Expression body, string description) : Operand(FieldType.Date, body, description)
{
    // Compiled on a hit's first need of the value (most operands are read only inside the conditions).
    private Func<Row, double>? evaluate;

    public override string? Invariant(Row row) => FieldValues.InvariantDate((evaluate ??= variables.Compile<double>(Body))(row));
}
