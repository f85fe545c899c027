using System.Linq.Expressions;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

/// <summary>A number; NaN is unknown.</summary>
internal sealed class NumberOperand(RowVariables variables, Expression body, string description) : Operand(FieldType.Number, body, description)
{
    // Compiled on a hit's first need of the value (most operands are read only inside the conditions).
    private Func<Row, double>? evaluate;

    public override string? Invariant(Row row) => FieldValues.InvariantNumber((evaluate ??= variables.Compile<double>(Body))(row));
}
