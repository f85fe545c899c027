using System.Linq.Expressions;
using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Language;

internal sealed class TextOperand(RowVariables variables, Expression body, string description) : Operand(FieldType.Text, body, description)
{
    // Compiled on a hit's first need of the value (most operands are read only inside the conditions).
    private Func<Row, string?>? evaluate;

    public override string? Invariant(Row row) => (evaluate ??= variables.Compile<string?>(Body))(row);
}
