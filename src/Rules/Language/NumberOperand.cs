using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

internal sealed class NumberOperand(Func<Row, decimal?> evaluate, string description) : Operand(FieldType.Number, description)
{
    public Func<Row, decimal?> Evaluate { get; } = evaluate;

    public override string? Invariant(Row row) => Evaluate(row) is { } value ? FieldValues.Invariant(value) : null;
}
