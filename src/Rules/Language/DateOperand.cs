using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

/// <summary>A date as its day number (<see cref="DateOnly.DayNumber"/>), so that dates compare and subtract as numbers; NaN is unknown.</summary>
internal sealed class DateOperand(Func<Row, double> evaluate, string description) : Operand(FieldType.Date, description)
{
    public Func<Row, double> Evaluate { get; } = evaluate;

    public override string? Invariant(Row row) => FieldValues.InvariantDate(Evaluate(row));
}
