using Inspection.Rules.Evaluation;

namespace Inspection.Rules.Language;

/// <summary>A compiled value expression of a known type. A null result means "unknown" (missing or unreadable data).</summary>
internal abstract class Operand(FieldType type, string description)
{
    public FieldType Type { get; } = type;

    /// <summary>What the operand is, for load errors ("field tax.filedOn", "a text literal").</summary>
    public string Description { get; } = description;

    /// <summary>The value in the registries' invariant form, for a hit's values.</summary>
    public abstract string? Invariant(Row row);
}
