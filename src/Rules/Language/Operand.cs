using System.Linq.Expressions;
using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Language;

/// <summary>
/// A compiled value expression of a known type, as an expression over the rule's row
/// (<see cref="RowExpressions.Row"/>): a double for numbers and dates, NaN when unknown (missing or
/// unreadable data); a string for texts, null when unknown.
/// </summary>
internal abstract class Operand(FieldType type, Expression body, string description)
{
    public FieldType Type { get; } = type;

    /// <summary>The value, read from the row.</summary>
    public Expression Body { get; } = body;

    /// <summary>What the operand is, for load errors ("field tax.filedOn", "a text literal").</summary>
    public string Description { get; } = description;

    /// <summary>The row slot whose period's first day the operand is, when it is a <c>periodStart</c>.</summary>
    public int? PeriodOf { get; init; }

    /// <summary>The value in the registries' invariant form, for a hit's values.</summary>
    public abstract string? Invariant(Row row);
}
