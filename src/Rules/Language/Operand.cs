using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Language;

/// <summary>A compiled value expression of a known type. A null result means "unknown" (missing or unreadable data).</summary>
internal abstract class Operand(FieldType type, string description)
{
    public FieldType Type { get; } = type;

    /// <summary>What the operand is, for load errors ("field tax.filedOn", "a text literal").</summary>
    public string Description { get; } = description;

    /// <summary>The field the operand reads, when it is a bare field reference: a comparison then reads the column itself.</summary>
    public FieldRef? Field { get; init; }

    /// <summary>The operand's value, when it is a literal number or date (as a day number).</summary>
    public double? Constant { get; init; }

    /// <summary>The value in the registries' invariant form, for a hit's values.</summary>
    public abstract string? Invariant(Row row);
}
