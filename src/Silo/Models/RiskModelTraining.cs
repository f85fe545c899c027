using System.Globalization;
using Inspection.Contracts.Models;
using Inspection.Contracts.Outcomes;
using Inspection.Rules.Anomalies;
using Inspection.Rules.Features;
using Inspection.Rules.Supervised;

namespace Inspection.Silo.Models;

/// <summary>
/// One training of the risk models over what the enterprises gave (<see cref="ModelInputs"/>): an anomaly
/// ensemble per peer group, fitted on every enterprise with features, each enterprise's own history, and the supervised model, learnt
/// from each inspected enterprise's latest outcome against its features, its rules' part and its open
/// flags. Then every enterprise is scored by both. No I/O: the grain gathers and hands out.
/// </summary>
public static class RiskModelTraining
{
    /// <summary>The anomaly features an enterprise's score names, most contributing first.</summary>
    private const int NamedFeatures = 3;

    /// <summary>What the supervised model reads: the features, then what the rules make of the enterprise.</summary>
    public static IReadOnlyList<string> SupervisedFeatures { get; } = [.. EnterpriseFeatures.Names, "rulesPart", "openFlags"];

    public static RiskModelResult Train(IReadOnlyList<ModelInputs> inputs, IReadOnlyList<InspectionOutcomeRecord> outcomes, int minimumPeerGroup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outcomes);
        var judged = inputs.Where(input => input.Features is not null).ToList();
        var peers = judged.Count >= minimumPeerGroup
            ? PeerGroupModel.Fit([.. judged.Select(input => (GroupOf(input), input.Features!))], EnterpriseFeatures.Names, minimumPeerGroup)
            : null;

        // An enterprise inspected more than once is known by its latest outcome.
        var latest = outcomes
            .GroupBy(outcome => outcome.EnterpriseCode, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.MaxBy(outcome => outcome.DecidedOn)!.ViolationFound, StringComparer.Ordinal);
        var learnt = judged.Where(input => latest.ContainsKey(input.EnterpriseCode)).ToList();
        var training = SupervisedRiskModel.Train([.. learnt.Select(SupervisedRow)], [.. learnt.Select(input => latest[input.EnterpriseCode])]);
        var probabilities = training.Model?.Predict([.. judged.Select(SupervisedRow)]);

        // Each enterprise's own history, its latest change measured against what the others did that month.
        var baseline = OwnHistory.Baseline([.. judged.Select(input => input.History)], EnterpriseFeatures.Names.Count);
        var scores = new Dictionary<string, ModelScores>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            scores[input.EnterpriseCode] = new ModelScores(null, [], null, null, OwnHistoryOf(input, baseline), null, null);
        }

        for (var i = 0; i < judged.Count; i++)
        {
            var input = judged[i];
            var peer = peers?.Score(GroupOf(input), input.Features!, NamedFeatures);
            scores[input.EnterpriseCode] = new ModelScores(
                peer?.Score,
                peer is null ? [] : [.. peer.Features.Select(feature => new FeatureSignal(feature.Share, feature.Name, feature.Value, feature.Median))],
                peer?.JudgedIn.ToString(),
                peer?.ModelVersion,
                scores[input.EnterpriseCode].History,
                probabilities?[i],
                training.Model?.Version);
        }

        var summary = new RiskModelSummary(
            now, inputs.Count, peers?.Version, peers?.Groups.Count ?? 0,
            training.Model?.Version, training.CrossValidatedAuc is { } auc && double.IsFinite(auc) ? auc : null, training.Outcomes, training.ViolationsFound, training.StepsAsideBecause,
            peers is null ? string.Create(CultureInfo.InvariantCulture, $"only {judged.Count} enterprises have features to compare; a peer group needs {minimumPeerGroup}") : null);
        return new RiskModelResult(summary, scores);
    }

    private static FeatureSignal? OwnHistoryOf(ModelInputs input, HistoryBaseline baseline) =>
        input.Features is not null && OwnHistory.Score(input.History, EnterpriseFeatures.Names, baseline) is { } found
            ? new FeatureSignal(found.Score, found.Feature.Name, found.Feature.Value, found.Feature.Median)
            : null;

    private static PeerGroup GroupOf(ModelInputs input) => new(input.Sector, input.SizeBand, input.Province);

    private static double[] SupervisedRow(ModelInputs input) => [.. input.Features!, input.RulesPart, input.OpenFlags];
}
