using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

/// <summary>A number; NaN is unknown.</summary>
internal sealed class NumberOperand(Func<Row, double> evaluate, string description) : Operand(FieldType.Number, description)
{
    public Func<Row, double> Evaluate { get; } = evaluate;

    public override string? Invariant(Row row) => FieldValues.InvariantNumber(Evaluate(row));
}
