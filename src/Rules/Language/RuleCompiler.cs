using System.Text.Json;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>Validates one rule of a pack and compiles its condition, computed values and templates.</summary>
internal static class RuleCompiler
{
    private static readonly string[] Properties =
        ["id", "version", "validFrom", "validTo", "severity", "title", "legalBasis", "explanation", "for", "join", "when", "compute"];

    private static readonly string[] SourceProperties = ["as", "registry", "kind"];
    private static readonly string[] JoinProperties = ["as", "registry", "kind", "on"];
    private static readonly string[] TextProperties = ["vi", "en"];

    public static CompiledRule Compile(JsonElement element, Location at, RecordShapes shapes)
    {
        JsonRead.ExpectObject(element, at);
        at = at with { RuleId = JsonRead.String(element, "id", at) };
        JsonRead.OnlyProperties(element, at, Properties);

        var version = JsonRead.PositiveInt(element, "version", at);
        var validFrom = JsonRead.Date(element, "validFrom", at);
        var validTo = JsonRead.OptionalDate(element, "validTo", at);
        if (validTo < validFrom)
        {
            throw at.Property("validTo").Error($"validTo {validTo:yyyy-MM-dd} is before validFrom {validFrom:yyyy-MM-dd}");
        }

        var severity = JsonRead.String(element, "severity", at);
        if (!RuleSeverity.All.Contains(severity))
        {
            throw at.Property("severity").Error($"unknown severity '{severity}' (expected {string.Join(", ", RuleSeverity.All)})");
        }

        var title = Bilingual(element, "title", at);
        var legalBasis = JsonRead.String(element, "legalBasis", at);
        var explanation = Bilingual(element, "explanation", at);

        var sources = Sources(element, at, shapes);
        var scope = new AliasScope(sources, shapes.Find(AliasScope.RegistrationRegistry, AliasScope.RegistrationKind));
        var condition = ConditionCompiler.Compile(JsonRead.Required(element, "when", at), scope, at.Property("when"));
        var computed = Computed(element, scope, at);
        var computedByName = computed.ToDictionary(StringComparer.Ordinal);
        var explanationAt = at.Property("explanation");
        var explanationVi = Template.Parse(explanation.Vi, scope, computedByName, explanationAt.Property("vi"));
        var explanationEn = Template.Parse(explanation.En, scope, computedByName, explanationAt.Property("en"));

        var rule = new Rule(
            at.RuleId!, version, validFrom, validTo, severity, title, legalBasis, explanation,
            sources[0].Source, [.. sources.Skip(1).Select(source => source.Source)]);
        return new CompiledRule(
            rule, condition, scope.Referenced, computed, scope.UsesRegistration, scope.SlotCount, explanationVi, explanationEn);
    }

    private static BilingualText Bilingual(JsonElement element, string name, Location at)
    {
        var text = JsonRead.Object(element, name, at);
        var textAt = at.Property(name);
        JsonRead.OnlyProperties(text, textAt, TextProperties);
        return new BilingualText(JsonRead.String(text, "vi", textAt), JsonRead.String(text, "en", textAt));
    }

    /// <summary>The driving source (<c>for</c>) first, then the joins, each with its declared shape.</summary>
    private static List<(RecordSource Source, RecordShape Shape)> Sources(JsonElement element, Location at, RecordShapes shapes)
    {
        var sources = new List<(RecordSource Source, RecordShape Shape)>
        {
            Source(JsonRead.Object(element, "for", at), at.Property("for"), SourceProperties, shapes),
        };

        if (JsonRead.Optional(element, "join") is { } joins)
        {
            var joinsAt = at.Property("join");
            if (joins.ValueKind != JsonValueKind.Array)
            {
                throw joinsAt.Error("must be a JSON array");
            }

            var index = 0;
            foreach (var join in joins.EnumerateArray())
            {
                var joinAt = joinsAt.Index(index++);
                JsonRead.ExpectObject(join, joinAt);
                if (JsonRead.Optional(join, "on") is { } on && JsonRead.NonEmptyString(on, joinAt.Property("on")) != "period")
                {
                    throw joinAt.Property("on").Error($"unknown join key '{on.GetString()}' (records are joined on 'period')");
                }

                sources.Add(Source(join, joinAt, JoinProperties, shapes));
            }
        }

        var aliases = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            if (!aliases.Add(sources[i].Source.Alias))
            {
                throw (i == 0 ? at.Property("for") : at.Property("join").Index(i - 1)).Property("as")
                    .Error($"alias '{sources[i].Source.Alias}' is used twice");
            }
        }

        return sources;
    }

    private static (RecordSource, RecordShape) Source(JsonElement element, Location at, string[] properties, RecordShapes shapes)
    {
        JsonRead.OnlyProperties(element, at, properties);
        var alias = JsonRead.String(element, "as", at);
        if (!Names.IsIdentifier(alias))
        {
            throw at.Property("as").Error($"alias '{alias}' must be letters and digits, starting with a letter");
        }

        if (alias == AliasScope.RegistrationAlias)
        {
            throw at.Property("as").Error($"alias '{alias}' is reserved for the enterprise's registration record");
        }

        var registry = JsonRead.String(element, "registry", at);
        var kind = JsonRead.String(element, "kind", at);
        var shape = shapes.Find(registry, kind)
            ?? throw at.Error($"no record shape is declared for {registry}/{kind} (add it under 'records')");
        return (new RecordSource(alias, registry, kind), shape);
    }

    private static List<KeyValuePair<string, Operand>> Computed(JsonElement element, AliasScope scope, Location at)
    {
        var computed = new List<KeyValuePair<string, Operand>>();
        if (JsonRead.Optional(element, "compute") is not { } values)
        {
            return computed;
        }

        var computeAt = at.Property("compute");
        JsonRead.ExpectObject(values, computeAt);
        foreach (var value in values.EnumerateObject())
        {
            var valueAt = computeAt.Property(value.Name);
            if (!Names.IsIdentifier(value.Name) || value.Name == Template.PeriodPlaceholder)
            {
                throw valueAt.Error($"'{value.Name}' cannot name a computed value: use letters and digits, not 'period'");
            }

            computed.Add(new(value.Name, OperandCompiler.Compile(value.Value, scope, valueAt)));
        }

        return computed;
    }
}
