using System.Text.Json;
using System.Text.Json.Nodes;
using Inspection.Rules;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// The shipped pack without the rules over the enterprise's own reports (registry <c>self-report</c>):
/// the generator makes registry records only, so those rules could never fire, and RulesEngine is given
/// the same rules as ours.
/// </summary>
internal static class RegistryPack
{
    private const string SelfReport = "self-report";

    public static RulePack Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "core.rules.json"));
        var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var rules = root["rules"]!.AsArray();
        foreach (var rule in rules.Where(ReadsSelfReports).ToList())
        {
            rules.Remove(rule);
        }

        return RulePack.Load(root.ToJsonString());
    }

    private static bool ReadsSelfReports(JsonNode? rule) =>
        (string?)rule?["for"]?["registry"] == SelfReport
        || (rule?["join"]?.AsArray() ?? []).Any(join => (string?)join?["registry"] == SelfReport);
}
