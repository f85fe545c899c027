namespace Inspection.Rules.Language;

/// <summary>The type of a field or expression; comparisons and arithmetic are checked against it on load.</summary>
internal enum FieldType
{
    Number,
    Date,
    Text,
}
