namespace Inspection.Rules.Language;

/// <summary>
/// A field a rule reads: <see cref="Key"/> is <c>alias.field</c>, as it appears in a hit's values; it is
/// read from column <see cref="Column"/> of the record in row slot <see cref="Slot"/>.
/// </summary>
internal sealed record FieldRef(string Key, int Slot, int Column, FieldType Type);
