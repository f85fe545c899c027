using System.Globalization;
using System.Text.Json;

namespace Inspection.Rules.Validation;

/// <summary>Reads the pieces of a pack, refusing anything missing, mistyped or unexpected.</summary>
internal static class JsonRead
{
    public static void ExpectObject(JsonElement element, Location at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw at.Error("must be a JSON object");
        }
    }

    /// <summary>Refuses unknown properties, so that a misspelt optional one cannot pass unnoticed.</summary>
    public static void OnlyProperties(JsonElement element, Location at, IReadOnlyCollection<string> allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw at.Property(property.Name).Error($"unknown property '{property.Name}' (expected {string.Join(", ", allowed)})");
            }
        }
    }

    public static JsonElement Required(JsonElement element, string name, Location at) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw at.Property(name).Error($"missing required property '{name}'");

    public static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement Object(JsonElement element, string name, Location at)
    {
        var value = Required(element, name, at);
        ExpectObject(value, at.Property(name));
        return value;
    }

    public static JsonElement Array(JsonElement element, string name, Location at)
    {
        var value = Required(element, name, at);
        return value.ValueKind == JsonValueKind.Array ? value : throw at.Property(name).Error("must be a JSON array");
    }

    public static string String(JsonElement element, string name, Location at) =>
        NonEmptyString(Required(element, name, at), at.Property(name));

    public static string NonEmptyString(JsonElement value, Location at)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw at.Error("must be a string");
        }

        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw at.Error("must not be empty") : text;
    }

    public static int PositiveInt(JsonElement element, string name, Location at)
    {
        var value = Required(element, name, at);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw at.Property(name).Error("must be a positive whole number");
    }

    public static DateOnly Date(JsonElement element, string name, Location at) =>
        ParseDate(String(element, name, at), at.Property(name));

    public static DateOnly? OptionalDate(JsonElement element, string name, Location at) =>
        Optional(element, name) is { } value ? ParseDate(NonEmptyString(value, at.Property(name)), at.Property(name)) : null;

    public static DateOnly ParseDate(string text, Location at) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw at.Error($"bad date '{text}': expected yyyy-MM-dd");

    /// <summary>An operator node: an object with exactly one property, the operator, holding its arguments.</summary>
    public static (string Operator, JsonElement Argument) SingleProperty(JsonElement element, Location at, string example)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            using var properties = element.EnumerateObject();
            if (properties.MoveNext())
            {
                var first = properties.Current;
                if (!properties.MoveNext())
                {
                    return (first.Name, first.Value);
                }
            }
        }

        throw at.Error($"must be an object with exactly one operator, e.g. {example}");
    }

    /// <summary>An operator's argument list, with at least <paramref name="minimum"/> and at most <paramref name="maximum"/> items.</summary>
    public static IReadOnlyList<JsonElement> Arguments(JsonElement argument, Location at, int minimum, int maximum = int.MaxValue)
    {
        if (argument.ValueKind != JsonValueKind.Array)
        {
            throw at.Error("must be a JSON array of arguments");
        }

        var items = argument.EnumerateArray().ToList();
        if (items.Count < minimum || items.Count > maximum)
        {
            var expected = minimum == maximum ? $"exactly {minimum}" : maximum == int.MaxValue ? $"at least {minimum}" : $"{minimum} to {maximum}";
            throw at.Error($"takes {expected} arguments, got {items.Count}");
        }

        return items;
    }
}
