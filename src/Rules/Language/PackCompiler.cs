using System.Text.Json;
using Inspection.Rules.Evaluation;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>Parses and validates a whole pack, compiling every rule once.</summary>
internal static class PackCompiler
{
    private static readonly string[] Properties = ["id", "version", "description", "records", "rules"];

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static (string Id, string Version, RecordShapes Shapes, IReadOnlyList<CompiledRule> Rules) Compile(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        var root = document.RootElement;
        var at = Location.Root;
        JsonRead.ExpectObject(root, at);
        JsonRead.OnlyProperties(root, at, Properties);

        var id = JsonRead.String(root, "id", at);
        var version = JsonRead.String(root, "version", at);
        var shapes = RecordShapes.Read(JsonRead.Array(root, "records", at), at.Property("records"));

        var rulesAt = at.Property("rules");
        var rules = JsonRead.Array(root, "rules", at).EnumerateArray()
            .Select((rule, index) => RuleCompiler.Compile(rule, rulesAt.Index(index), shapes))
            .ToList();
        CheckVersions(rules, rulesAt);
        return (id, version, shapes, rules);
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException exception)
        {
            throw new RulePackException($"not valid JSON: {exception.Message}", innerException: exception);
        }
    }

    /// <summary>
    /// Versions of one rule id must be distinct, and versions of one stage must not overlap in validity,
    /// so that one row is judged by exactly one live version and a violation raises one flag. A dry-run
    /// version may overlap the live one: that is what it is on trial against.
    /// </summary>
    private static void CheckVersions(List<CompiledRule> rules, Location rulesAt)
    {
        var seen = new List<(Rule Rule, int Index)>();
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index].Rule;
            var ruleAt = rulesAt.Index(index) with { RuleId = rule.Id };
            foreach (var (other, otherIndex) in seen.Where(previous => previous.Rule.Id == rule.Id))
            {
                if (other.Version == rule.Version)
                {
                    throw ruleAt.Property("version").Error($"version {rule.Version} is already defined at rules[{otherIndex}]");
                }

                if (rule.Stage == other.Stage && rule.Overlaps(other))
                {
                    throw ruleAt.Property("validFrom").Error(
                        $"version {rule.Version} overlaps version {other.Version} (rules[{otherIndex}]) in validity");
                }
            }

            seen.Add((rule, index));
        }
    }
}
