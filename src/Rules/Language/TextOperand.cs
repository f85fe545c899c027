using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Language;

internal sealed class TextOperand(Func<Row, string?> evaluate, string description) : Operand(FieldType.Text, description)
{
    public Func<Row, string?> Evaluate { get; } = evaluate;

    /// <summary>The text, when the operand is a literal.</summary>
    public string? Literal { get; init; }

    public override string? Invariant(Row row) => Evaluate(row);
}
