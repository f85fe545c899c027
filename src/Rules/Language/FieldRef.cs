namespace Inspection.Rules.Language;

/// <summary>A field a rule reads: <see cref="Key"/> is <c>alias.field</c>, as it appears in a hit's values.</summary>
internal sealed record FieldRef(string Key, int Slot, string Name, FieldType Type);
