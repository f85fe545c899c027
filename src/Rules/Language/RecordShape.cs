using Inspection.Rules.Evaluation;
using Inspection.Rules.Formatting;

namespace Inspection.Rules.Language;

/// <summary>
/// The fields of one registry's record kind and their types, as a pack declares them, and where each
/// is kept in a <see cref="Fact"/>: numbers and dates in its number columns, texts in its text columns,
/// in the order they are declared. Each declared shape has an <see cref="Ordinal"/>, its place in the pack,
/// by which a <see cref="FactSet"/> files its records and a compiled rule finds them without a lookup by name.
/// </summary>
internal sealed class RecordShape
{
    private readonly string[] numberFields;
    private readonly bool[] isDate;
    private readonly string[] textFields;

    /// <summary>The ordinal of a shape that holds no records: a calendar's.</summary>
    public const int NoOrdinal = -1;

    public RecordShape(string registry, string kind, IReadOnlyList<KeyValuePair<string, FieldType>> fields, int ordinal)
    {
        Registry = registry;
        Kind = kind;
        Ordinal = ordinal;
        Fields = fields.ToDictionary(field => field.Key, field => field.Value, StringComparer.Ordinal);
        var numbers = fields.Where(field => field.Value != FieldType.Text).ToList();
        numberFields = [.. numbers.Select(field => field.Key)];
        isDate = [.. numbers.Select(field => field.Value == FieldType.Date)];
        textFields = [.. fields.Where(field => field.Value == FieldType.Text).Select(field => field.Key)];
        Columns = fields.ToDictionary(
            field => field.Key,
            field => field.Value == FieldType.Text ? Array.IndexOf(textFields, field.Key) : Array.IndexOf(numberFields, field.Key),
            StringComparer.Ordinal);
    }

    public string Registry { get; }

    public string Kind { get; }

    /// <summary>The shape's place among the pack's declared shapes (from 0), or <see cref="NoOrdinal"/>.</summary>
    public int Ordinal { get; }

    public IReadOnlyDictionary<string, FieldType> Fields { get; }

    /// <summary>Each field's column: in the number columns for numbers and dates, in the text columns for texts.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }

    public string Name => $"{Registry}/{Kind}";

    /// <summary>Parses the record's fields into its columns; a field absent or unreadable is NaN (or a null text).</summary>
    public Fact Read(FactRecord record)
    {
        var numbers = new double[numberFields.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            var raw = record.Fields.GetValueOrDefault(numberFields[i]);
            numbers[i] = isDate[i]
                ? FieldValues.Date(raw) is { } date ? date.DayNumber : double.NaN
                : FieldValues.Number(raw) ?? double.NaN;
        }

        var texts = textFields.Length == 0 ? [] : new string?[textFields.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = record.Fields.GetValueOrDefault(textFields[i]);
        }

        // Registry, kind and period repeat in every record of an enterprise: one shared copy of each.
        var period = record.Period is null ? null : string.Intern(record.Period);
        return new Fact(Registry, Kind, Ordinal, record.RecordId, record.Version, period, numbers, texts);
    }
}
