using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

internal sealed class DateOperand(Func<Row, DateOnly?> evaluate, string description) : Operand(FieldType.Date, description)
{
    public Func<Row, DateOnly?> Evaluate { get; } = evaluate;

    public override string? Invariant(Row row) => Evaluate(row) is { } value ? FieldValues.Invariant(value) : null;
}
