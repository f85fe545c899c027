using System.Globalization;
using System.Text.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Reports;

namespace Inspection.Silo.Reports;

/// <summary>
/// Reads a report template from JSON and checks it whole: unknown properties, types, bounds, and checks
/// that name fields the template does not have are refused with the template and field at fault.
/// </summary>
public static class ReportTemplateReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] TemplateProperties = ["id", "version", "title", "legalBasis", "frequency", "dueDaysAfterPeriod", "validFrom", "appliesTo", "fields", "checks"];
    private static readonly string[] FieldProperties = ["name", "type", "label", "unit", "required", "min", "max", "maxLength", "prefill"];
    private static readonly string[] CheckProperties = ["id", "severity", "test", "field", "operator", "than", "percent", "source", "message"];
    private static readonly string[] Operators = ["<", "<=", ">", ">=", "==", "!="];

    public static ReportTemplate Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ReportTemplateException("?", "(document)", $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                ? idValue.GetString()! : "?";
            return new Reader(id).Template(root);
        }
    }

    private sealed class Reader(string id)
    {
        public ReportTemplate Template(JsonElement root)
        {
            Only(root, "(template)", TemplateProperties);
            if (!IsIdentifier(id))
            {
                throw Error("id", "must be lower-case letters, digits and dashes");
            }

            var version = Int(root, "version", "version", min: 1);
            var frequency = Text(root, "frequency", "frequency");
            if (ReportFrequencies.MonthsOf(frequency) == 0)
            {
                throw Error("frequency", $"unknown frequency '{frequency}' (expected month, quarter, half-year or year)");
            }

            var validFrom = Text(root, "validFrom", "validFrom");
            if (!DateOnly.TryParseExact(validFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                throw Error("validFrom", "must be a date, yyyy-MM-dd");
            }

            var fields = new List<ReportField>();
            var index = 0;
            foreach (var element in Array(root, "fields", "fields"))
            {
                var field = Field(element, $"fields[{index++}]");
                if (fields.Any(known => known.Name == field.Name))
                {
                    throw Error($"fields[{index - 1}].name", $"field '{field.Name}' is declared twice");
                }

                fields.Add(field);
            }

            if (fields.Count == 0)
            {
                throw Error("fields", "a report has at least one field");
            }

            var checks = new List<ReportCheck>();
            index = 0;
            foreach (var element in Array(root, "checks", "checks", required: false))
            {
                var check = Check(element, $"checks[{index++}]", fields);
                if (checks.Any(known => known.Id == check.Id))
                {
                    throw Error($"checks[{index - 1}].id", $"check '{check.Id}' is declared twice");
                }

                checks.Add(check);
            }

            return new ReportTemplate(
                id, version, Localized(root, "title", "title"), Text(root, "legalBasis", "legalBasis"), frequency,
                Int(root, "dueDaysAfterPeriod", "dueDaysAfterPeriod", min: 0, max: 366), from,
                Source(Object(root, "appliesTo", "appliesTo"), "appliesTo", needsField: false), fields, checks);
        }

        private ReportField Field(JsonElement element, string at)
        {
            Only(element, at, FieldProperties);
            var name = Text(element, "name", $"{at}.name");
            if (!IsName(name))
            {
                throw Error($"{at}.name", "must be a name of letters and digits, starting with a letter");
            }

            if (ReportEvidence.Reserved.Contains(name))
            {
                throw Error($"{at}.name", $"'{name}' is the receipt's own field");
            }

            var type = Text(element, "type", $"{at}.type");
            if (!ReportFieldTypes.All.Contains(type))
            {
                throw Error($"{at}.type", $"unknown type '{type}' (expected {string.Join(", ", ReportFieldTypes.All)})");
            }

            var numeric = type is ReportFieldTypes.Number or ReportFieldTypes.Integer;
            var min = Number(element, "min", $"{at}.min");
            var max = Number(element, "max", $"{at}.max");
            if (!numeric && (min is not null || max is not null))
            {
                throw Error($"{at}.min", $"only number and integer fields have bounds; '{name}' is {type}");
            }

            if (min > max)
            {
                throw Error($"{at}.max", $"is below min ({min})");
            }

            int? maxLength = element.TryGetProperty("maxLength", out _) ? Int(element, "maxLength", $"{at}.maxLength", min: 1, max: 100_000) : null;
            if (maxLength is not null && type != ReportFieldTypes.Text)
            {
                throw Error($"{at}.maxLength", $"only text fields have a length; '{name}' is {type}");
            }

            var prefill = element.TryGetProperty("prefill", out var source) ? Source(source, $"{at}.prefill", needsField: true) : null;
            if (prefill is not null && !numeric)
            {
                throw Error($"{at}.prefill", "only number and integer fields are pre-filled from registries");
            }

            return new ReportField(name, type, Localized(element, "label", $"{at}.label"),
                element.TryGetProperty("unit", out _) ? Text(element, "unit", $"{at}.unit") : null,
                Bool(element, "required", $"{at}.required"), min, max, maxLength, prefill);
        }

        private ReportCheck Check(JsonElement element, string at, List<ReportField> fields)
        {
            Only(element, at, CheckProperties);
            var checkId = Text(element, "id", $"{at}.id");
            if (!IsIdentifier(checkId))
            {
                throw Error($"{at}.id", "must be lower-case letters, digits and dashes");
            }

            var severity = Text(element, "severity", $"{at}.severity");
            if (severity is not (ReportCheckSeverities.Hard or ReportCheckSeverities.Soft))
            {
                throw Error($"{at}.severity", $"unknown severity '{severity}' (expected hard or soft)");
            }

            var fieldName = Text(element, "field", $"{at}.field");
            NumericField(fields, fieldName, $"{at}.field");
            var test = Text(element, "test", $"{at}.test");
            string? op = null;
            ReportOperand? than = null;
            double? percent = null;
            ReportSource? source = null;
            switch (test)
            {
                case ReportCheckTests.Compare:
                    op = Text(element, "operator", $"{at}.operator");
                    if (!Operators.Contains(op))
                    {
                        throw Error($"{at}.operator", $"unknown operator '{op}' (expected {string.Join(" ", Operators)})");
                    }

                    than = Operand(Object(element, "than", $"{at}.than"), $"{at}.than", fields);
                    break;
                case ReportCheckTests.PriorChange:
                    percent = Percent(element, at);
                    break;
                case ReportCheckTests.Registry:
                    percent = Percent(element, at);
                    source = Source(Object(element, "source", $"{at}.source"), $"{at}.source", needsField: true);
                    break;
                default:
                    throw Error($"{at}.test", $"unknown test '{test}' (expected compare, prior-change or registry)");
            }

            return new ReportCheck(checkId, severity, test, fieldName, op, than, percent, source, Localized(element, "message", $"{at}.message"));
        }

        private double Percent(JsonElement element, string at) =>
            Number(element, "percent", $"{at}.percent") is { } value and > 0 ? value : throw Error($"{at}.percent", "must be a number above 0");

        private ReportOperand Operand(JsonElement element, string at, List<ReportField> fields)
        {
            Only(element, at, ["field", "value", "daysInPeriod"]);
            var given = element.EnumerateObject().ToList();
            if (given.Count != 1)
            {
                throw Error(at, "names exactly one of field, value or daysInPeriod");
            }

            switch (given[0].Name)
            {
                case "field":
                    var name = Text(element, "field", $"{at}.field");
                    NumericField(fields, name, $"{at}.field");
                    return new ReportOperand(name, null, false);
                case "value":
                    return new ReportOperand(null, Number(element, "value", $"{at}.value"), false);
                default:
                    return Bool(element, "daysInPeriod", $"{at}.daysInPeriod")
                        ? new ReportOperand(null, null, true)
                        : throw Error($"{at}.daysInPeriod", "is true or left out");
            }
        }

        private void NumericField(List<ReportField> fields, string name, string at)
        {
            var field = fields.Find(f => f.Name == name) ?? throw Error(at, $"the template has no field '{name}'");
            if (field.Type is not (ReportFieldTypes.Number or ReportFieldTypes.Integer))
            {
                throw Error(at, $"checks compare numbers; '{name}' is {field.Type}");
            }
        }

        private ReportSource Source(JsonElement element, string at, bool needsField)
        {
            Only(element, at, ["registry", "kind", "field"]);
            var field = element.TryGetProperty("field", out _) ? Text(element, "field", $"{at}.field") : null;
            if (needsField && field is null)
            {
                throw Error($"{at}.field", "is required");
            }

            return new ReportSource(Text(element, "registry", $"{at}.registry"), Text(element, "kind", $"{at}.kind"), field);
        }

        private LocalizedText Localized(JsonElement element, string name, string at)
        {
            var text = Object(element, name, at);
            Only(text, at, ["vi", "en"]);
            return new LocalizedText(Text(text, "vi", $"{at}.vi"), Text(text, "en", $"{at}.en"));
        }

        private void Only(JsonElement element, string at, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(at, "must be an object");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name))
                {
                    throw Error(at == "(template)" ? property.Name : $"{at}.{property.Name}", "is not a known property");
                }
            }
        }

        private JsonElement Object(JsonElement element, string name, string at) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : throw Error(at, "is required, an object");

        private JsonElement.ArrayEnumerator Array(JsonElement element, string name, string at, bool required = true)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return required ? throw Error(at, "is required, an array") : default;
            }

            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Error(at, "must be an array");
        }

        private string Text(JsonElement element, string name, string at) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!
                : throw Error(at, "is required, a non-empty string");

        private bool Bool(JsonElement element, string name, string at) =>
            element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw Error(at, "is required, true or false");

        private double? Number(JsonElement element, string name, string at)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Error(at, "must be a number");
        }

        private int Int(JsonElement element, string name, string at, int min, int max = int.MaxValue) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
                ? number
                : throw Error(at, $"is required, a whole number from {min}{(max == int.MaxValue ? " up" : $" to {max}")}");

        private ReportTemplateException Error(string field, string message) => new(id, field, message);

        private static bool IsIdentifier(string text) =>
            text.Length is > 0 and <= 60 && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && char.IsAsciiLetterLower(text[0]);

        private static bool IsName(string text) =>
            text.Length is > 0 and <= 60 && char.IsAsciiLetter(text[0]) && text.All(char.IsAsciiLetterOrDigit);
    }
}
