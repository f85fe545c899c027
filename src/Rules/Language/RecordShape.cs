namespace Inspection.Rules.Language;

/// <summary>The fields of one registry's record kind and their types, as a pack declares them.</summary>
internal sealed record RecordShape(string Registry, string Kind, IReadOnlyDictionary<string, FieldType> Fields)
{
    public string Name => $"{Registry}/{Kind}";
}
