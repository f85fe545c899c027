using Inspection.Bench.RulesBench.Translation;
using Inspection.Rules;
using RulesEngine.Models;
using RuleVersion = Inspection.Rules.Rule;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// Microsoft's RulesEngine over the same pack, translated (<see cref="CoreWorkflow"/>), called as its
/// documentation shows: <c>ExecuteAllRulesAsync</c> per enterprise, with the input's
/// <see cref="RuleParameter"/> made once beforehand and the workflow compiled once and cached by the engine.
/// The settings are those of RulesEngine's own benchmark (no scoped params, no error-message formatting),
/// and an expression that does not compile or throws fails the run instead of reading as "no hit".
/// </summary>
internal sealed class RulesEngineRunner
{
    private readonly RulesEngine.RulesEngine engine;

    public RulesEngineRunner(RulePack pack, bool fastExpressionCompiler)
    {
        var (workflow, versions) = CoreWorkflow.Build(pack);
        Workflow = workflow;
        FastExpressionCompiler = fastExpressionCompiler;
        var judged = versions.Select((version, index) => (Version: version, Index: index)).Where(item => item.Version.Stage != RuleStage.Retired).ToList();
        Versions = [.. judged.Select(item => item.Version)];
        VersionIndex = [.. judged.Select(item => item.Index)];
        engine = new RulesEngine.RulesEngine([workflow], new ReSettings
        {
            EnableScopedParams = false,
            EnableFormattedErrorMessage = false,
            EnableExceptionAsErrorMessage = false,
            UseFastExpressionCompiler = fastExpressionCompiler,
        });
    }

    public Workflow Workflow { get; }

    public bool FastExpressionCompiler { get; }

    public string Name => FastExpressionCompiler ? "RulesEngine 6.0.1, FastExpressionCompiler" : "RulesEngine 6.0.1, Expression.Compile";

    /// <summary>The versions RulesEngine judges (the pack's, less retired ones), in the order of its results.</summary>
    public IReadOnlyList<RuleVersion> Versions { get; }

    /// <summary>For each result, the position of its version in the pack.</summary>
    public IReadOnlyList<int> VersionIndex { get; }

    public static RuleParameter[] Parameters(EnterpriseInput input) => [RuleParameter.Create("input1", input)];

    public List<RuleResultTree> Execute(RuleParameter[] parameters) =>
        engine.ExecuteAllRulesAsync(CoreWorkflow.Name, parameters).GetAwaiter().GetResult();

    /// <summary>The periods a successful result's action listed: its hits.</summary>
    public static string[] Periods(RuleResultTree result) => result.IsSuccess ? (string[])result.ActionResult.Output : [];

    /// <exception cref="InvalidOperationException">The results are not one per version, in order.</exception>
    public List<HitKey> Keys(List<RuleResultTree> results)
    {
        if (results.Count != Versions.Count)
        {
            throw new InvalidOperationException($"RulesEngine returned {results.Count} results for {Versions.Count} rule versions.");
        }

        var keys = new List<HitKey>();
        for (var i = 0; i < results.Count; i++)
        {
            var version = Versions[i];
            if (results[i].Rule.RuleName != $"{version.Id} v{version.Version}")
            {
                throw new InvalidOperationException($"RulesEngine's result {i} is {results[i].Rule.RuleName}, not {version.Id} v{version.Version}.");
            }

            keys.AddRange(Periods(results[i]).Select(period => new HitKey(version.Id, version.Version, period)));
        }

        return keys;
    }
}
