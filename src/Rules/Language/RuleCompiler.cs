using System.Linq.Expressions;
using System.Text.Json;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>Validates one rule of a pack and compiles its condition, computed values and templates.</summary>
internal static class RuleCompiler
{
    private static readonly string[] Properties =
        ["id", "version", "stage", "validFrom", "validTo", "severity", "title", "legalBasis", "explanation", "for", "join", "when", "compute"];

    private static readonly string[] SourceProperties = ["as", "registry", "kind"];
    private static readonly string[] CalendarProperties = ["as", "every", "last"];
    private static readonly string[] JoinProperties = ["as", "registry", "kind", "on", "optional"];
    private static readonly string[] TextProperties = ["vi", "en"];

    public static CompiledRule Compile(JsonElement element, Location at, RecordShapes shapes)
    {
        JsonRead.ExpectObject(element, at);
        at = at with { RuleId = JsonRead.String(element, "id", at) };
        JsonRead.OnlyProperties(element, at, Properties);

        var version = JsonRead.PositiveInt(element, "version", at);
        var stage = JsonRead.Optional(element, "stage") is { } stageValue ? JsonRead.NonEmptyString(stageValue, at.Property("stage")) : RuleStage.Live;
        if (!RuleStage.Declarable.Contains(stage))
        {
            throw at.Property("stage").Error($"unknown stage '{stage}' (expected {string.Join(" or ", RuleStage.Declarable)})");
        }

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
        var parts = ConditionCompiler.CompileRule(JsonRead.Required(element, "when", at), scope, at.Property("when"));
        var computed = Computed(element, scope, at);
        var computedByName = computed.ToDictionary(StringComparer.Ordinal);
        var explanationAt = at.Property("explanation");
        var explanationVi = Template.Parse(explanation.Vi, scope, computedByName, explanationAt.Property("vi"));
        var explanationEn = Template.Parse(explanation.En, scope, computedByName, explanationAt.Property("en"));

        var rule = new Rule(
            at.RuleId!, version, validFrom, validTo, severity, title, legalBasis, explanation,
            sources[0].Source, [.. sources.Skip(1).Select(source => source.Source)], stage, scope.UsesRegistration);
        // The condition holds where all its parts do. Those that read no slot but the registration's are
        // tried once per enterprise; with joins, those that read the driver and no joined record are tried
        // before the joins; the rest on every row. Where a part does not hold, no row it stands for can.
        var registration = AliasScope.Bit(scope.RegistrationSlot);
        var (enterprise, driver, rest) = (new List<Condition>(), new List<Condition>(), new List<Condition>());
        foreach (var (part, reads) in parts)
        {
            var target = (reads & ~registration) == 0 ? enterprise
                : sources.Count > 1 && (reads & ~(registration | AliasScope.Bit(0))) == 0 ? driver
                : rest;
            target.Add(part);
        }

        return new CompiledRule(
            rule,
            (Holds(enterprise), Holds(driver), Holds(rest)),
            scope.Row,
            scope.Referenced,
            [.. scope.Observed, .. computed],
            scope.UsesRegistration,
            sources[0].Shape.Ordinal,
            [.. sources.Skip(1).Select(source => source.Shape.Ordinal)],
            explanationVi,
            explanationEn);
    }

    /// <summary>Where all of <paramref name="parts"/> hold; null when there are none.</summary>
    private static Expression? Holds(List<Condition> parts) => parts.Count == 0 ? null : Condition.All(parts).Holds;

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
        var driver = JsonRead.Object(element, "for", at);
        var sources = new List<(RecordSource Source, RecordShape Shape)>
        {
            driver.TryGetProperty("every", out _)
                ? Calendar(driver, at.Property("for"))
                : Source(driver, at.Property("for"), SourceProperties, shapes),
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

                var (source, shape) = Source(join, joinAt, JoinProperties, shapes);
                if (JsonRead.Optional(join, "optional") is { } optional)
                {
                    source = optional.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? source with { Optional = optional.GetBoolean() }
                        : throw joinAt.Property("optional").Error("must be true or false");
                }

                sources.Add((source, shape));
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

    /// <summary>
    /// A calendar driver, <c>{"as": "m", "every": "month" | "half-year", "last": 12}</c>: a row for each
    /// month (or June and December) the enterprise's records span, the latest <c>last</c> of them.
    /// </summary>
    private static (RecordSource, RecordShape) Calendar(JsonElement element, Location at)
    {
        JsonRead.OnlyProperties(element, at, CalendarProperties);
        var alias = Alias(element, at);
        var every = JsonRead.String(element, "every", at);
        if (every is not (RecordSource.Months or RecordSource.HalfYears))
        {
            throw at.Property("every").Error($"unknown calendar '{every}' (expected {RecordSource.Months} or {RecordSource.HalfYears})");
        }

        int? last = JsonRead.Optional(element, "last") is not null ? JsonRead.PositiveInt(element, "last", at) : null;
        return (new RecordSource(alias, RecordSource.CalendarRegistry, every, Last: last), new RecordShape(RecordSource.CalendarRegistry, every, [], RecordShape.NoOrdinal));
    }

    private static string Alias(JsonElement element, Location at)
    {
        var alias = JsonRead.String(element, "as", at);
        if (!Names.IsIdentifier(alias))
        {
            throw at.Property("as").Error($"alias '{alias}' must be letters and digits, starting with a letter");
        }

        if (alias == AliasScope.RegistrationAlias)
        {
            throw at.Property("as").Error($"alias '{alias}' is reserved for the enterprise's registration record");
        }

        return alias;
    }

    private static (RecordSource, RecordShape) Source(JsonElement element, Location at, string[] properties, RecordShapes shapes)
    {
        JsonRead.OnlyProperties(element, at, properties);
        var alias = Alias(element, at);
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
