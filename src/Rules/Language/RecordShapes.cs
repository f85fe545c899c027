using System.Text.Json;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// The record shapes a pack declares under <c>records</c>. Declaring them lets the pack be checked on
/// load: a misspelt field or a date compared with a number is refused instead of never firing.
/// </summary>
internal sealed class RecordShapes
{
    private static readonly string[] Properties = ["registry", "kind", "fields"];

    private readonly Dictionary<(string Registry, string Kind), RecordShape> shapes;

    private RecordShapes(Dictionary<(string, string), RecordShape> shapes) => this.shapes = shapes;

    public RecordShape? Find(string registry, string kind) => shapes.GetValueOrDefault((registry, kind));

    /// <summary>How many shapes the pack declares: their ordinals are 0 to <c>Count - 1</c>.</summary>
    public int Count => shapes.Count;

    public static RecordShapes Read(JsonElement array, Location at)
    {
        var shapes = new Dictionary<(string, string), RecordShape>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var item = at.Index(index++);
            JsonRead.ExpectObject(element, item);
            JsonRead.OnlyProperties(element, item, Properties);
            var registry = JsonRead.String(element, "registry", item);
            var kind = JsonRead.String(element, "kind", item);
            var shape = new RecordShape(registry, kind, ReadFields(JsonRead.Object(element, "fields", item), item.Property("fields")), shapes.Count);
            if (!shapes.TryAdd((registry, kind), shape))
            {
                throw item.Error($"record shape {shape.Name} is declared twice");
            }
        }

        return new RecordShapes(shapes);
    }

    private static List<KeyValuePair<string, FieldType>> ReadFields(JsonElement fields, Location at)
    {
        var types = new List<KeyValuePair<string, FieldType>>();
        foreach (var field in fields.EnumerateObject())
        {
            var type = JsonRead.NonEmptyString(field.Value, at.Property(field.Name)) switch
            {
                "number" => FieldType.Number,
                "date" => FieldType.Date,
                "text" => FieldType.Text,
                var other => throw at.Property(field.Name).Error($"unknown field type '{other}' (expected number, date or text)"),
            };
            if (types.Any(known => known.Key == field.Name))
            {
                throw at.Property(field.Name).Error($"field '{field.Name}' is declared twice");
            }

            types.Add(new(field.Name, type));
        }

        return types;
    }
}
