using Inspection.Contracts.Models;
using Inspection.Contracts.Outcomes;
using Inspection.Rules.Features;
using Inspection.Silo.Models;

namespace Inspection.Silo.Tests.Models;

public class RiskModelTrainingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly int Insured = EnterpriseFeatures.Names.ToList().IndexOf("insuredShare");

    [Fact]
    public void Every_enterprise_is_scored_among_its_peers_and_by_the_model_learnt_from_outcomes()
    {
        var (inputs, outcomes, unusual, flagged) = Population(enterprises: 300, inspected: 200);

        var result = RiskModelTraining.Train(inputs, outcomes, minimumPeerGroup: 30, Now);

        var summary = result.Summary;
        Assert.Equal((Now, inputs.Count), (summary.TrainedAt, summary.Enterprises));
        Assert.StartsWith("peer-groups/1:", summary.AnomalyModelVersion);
        Assert.True(summary.PeerGroups >= 2, $"{summary.PeerGroups} peer groups");
        Assert.StartsWith("fasttree-", summary.SupervisedModelVersion);
        Assert.Equal(200, summary.Outcomes);
        Assert.Equal(outcomes.Count(o => o.ViolationFound), summary.ViolationsFound);
        Assert.True(summary.CrossValidatedAuc > 0.75, $"cross-validated AUC {summary.CrossValidatedAuc}");
        Assert.Null(summary.SupervisedStepsAsideBecause);
        Assert.Null(summary.AnomalyStepsAsideBecause);

        Assert.Equal(inputs.Select(i => i.EnterpriseCode).Order(), result.Scores.Keys.Order());
        foreach (var code in unusual)
        {
            var scores = result.Scores[code];
            Assert.True(scores.AnomalyScore > 0.9, $"{code} scores {scores.AnomalyScore}");
            Assert.Equal("insuredShare", scores.AnomalyFeatures[0].Feature);
            Assert.Equal(summary.AnomalyModelVersion, scores.AnomalyModelVersion);
            Assert.NotNull(scores.PeerGroup);
        }

        var usual = result.Scores.Where(s => !unusual.Contains(s.Key) && s.Value.AnomalyScore is not null).Select(s => s.Value.AnomalyScore!.Value).Order().ToList();
        Assert.True(usual[usual.Count / 2] < 0.9, $"the median usual enterprise scores {usual[usual.Count / 2]}");
        var probability = (bool isFlagged) => result.Scores.Where(s => flagged.Contains(s.Key) == isFlagged && s.Value.ViolationProbability is not null).Average(s => s.Value.ViolationProbability!.Value);
        Assert.True(probability(true) > probability(false) + 0.3, $"flagged {probability(true)}, clean {probability(false)}");
        Assert.All(result.Scores.Values.Where(s => s.ViolationProbability is not null), s => Assert.Equal(summary.SupervisedModelVersion, s.SupervisedModelVersion));
    }

    [Fact]
    public void An_enterprise_without_features_gets_no_model_score()
    {
        var (inputs, outcomes, _, _) = Population(enterprises: 100, inspected: 0);
        var bare = new ModelInputs("0100109106", "retail", "unknown", "HN", null, [], 0, 0);

        var scores = RiskModelTraining.Train([.. inputs, bare], outcomes, minimumPeerGroup: 30, Now).Scores[bare.EnterpriseCode];

        Assert.Equal((null, null, null, null, null), (scores.AnomalyScore, scores.PeerGroup, scores.History, scores.ViolationProbability, scores.SupervisedModelVersion));
        Assert.Empty(scores.AnomalyFeatures);
    }

    [Fact]
    public void A_latest_month_far_from_the_enterprise_s_own_history_stands_out_and_a_small_wobble_does_not()
    {
        var (population, outcomes, _, _) = Population(enterprises: 100, inspected: 0);
        // The others have a year behind them, wobbling a little month to month, as enterprises do; the first has none.
        var random = new Random(7);
        var inputs = population.Select((input, i) => i == 0 ? input : input with
        {
            History = [.. Enumerable.Range(0, 12).Select(_ => input.Features!.Select(value => value * (1 + (0.005 * Gaussian(random)))).ToArray()), input.Features!],
        }).ToList();
        var steady = inputs[3].Features!;
        var dropped = (double[])steady.Clone();
        dropped[Insured] = 0.3;
        var wobbled = (double[])steady.Clone();
        wobbled[Insured] += 0.005;
        var collapsing = inputs[3] with { EnterpriseCode = "0100109106", Features = dropped, History = [.. Enumerable.Repeat(steady, 12), dropped] };
        var wobbling = inputs[3] with { EnterpriseCode = "0100109107", Features = wobbled, History = [.. Enumerable.Repeat(steady, 12), wobbled] };

        var scores = RiskModelTraining.Train([.. inputs, collapsing, wobbling], outcomes, minimumPeerGroup: 30, Now).Scores;

        var history = scores[collapsing.EnterpriseCode].History!;
        Assert.Equal(("insuredShare", 0.3, steady[Insured]), (history.Feature, history.Value, history.Median));
        Assert.True(history.Score > 0.99, $"scored {history.Score}");
        Assert.True(scores[wobbling.EnterpriseCode].History!.Score < 0.5, $"a wobble scored {scores[wobbling.EnterpriseCode].History!.Score}");
        Assert.Null(scores[inputs[0].EnterpriseCode].History);
    }

    [Fact]
    public void Too_few_outcomes_or_enterprises_make_a_model_step_aside_and_say_why()
    {
        var (inputs, outcomes, _, _) = Population(enterprises: 20, inspected: 20);

        var result = RiskModelTraining.Train(inputs, outcomes, minimumPeerGroup: 30, Now);

        Assert.Null(result.Summary.SupervisedModelVersion);
        Assert.Null(result.Summary.CrossValidatedAuc);
        Assert.Contains("20 past inspection outcomes", result.Summary.SupervisedStepsAsideBecause);
        Assert.Null(result.Summary.AnomalyModelVersion);
        Assert.Contains("only 20 enterprises", result.Summary.AnomalyStepsAsideBecause);
        Assert.All(result.Scores.Values, s => Assert.Null(s.AnomalyScore ?? s.ViolationProbability));
    }

    [Fact]
    public void An_enterprise_inspected_twice_is_known_by_its_latest_outcome()
    {
        var (inputs, outcomes, _, _) = Population(enterprises: 300, inspected: 200);
        var earlier = outcomes[0] with { DecidedOn = outcomes[0].DecidedOn.AddYears(-1), ViolationFound = !outcomes[0].ViolationFound };

        var summary = RiskModelTraining.Train(inputs, [earlier, .. outcomes], minimumPeerGroup: 30, Now).Summary;

        Assert.Equal(200, summary.Outcomes);
        Assert.Equal(outcomes.Count(o => o.ViolationFound), summary.ViolationsFound);
    }

    /// <summary>
    /// Enterprises of two sectors; one in fifty insures a tenth of its payroll (unusual among its peers);
    /// one in six has an open flag, and an inspection of it found a violation nine times out of ten,
    /// of the others one time in ten.
    /// </summary>
    private static (List<ModelInputs> Inputs, List<InspectionOutcomeRecord> Outcomes, HashSet<string> Unusual, HashSet<string> Flagged) Population(int enterprises, int inspected)
    {
        var random = new Random(20261201);
        var (inputs, outcomes, unusual, flagged) = (new List<ModelInputs>(), new List<InspectionOutcomeRecord>(), new HashSet<string>(), new HashSet<string>());
        for (var i = 0; i < enterprises; i++)
        {
            var code = (1_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var features = EnterpriseFeatures.Names.Select((_, column) => 10 + column + Gaussian(random)).ToArray();
            features[Insured] = 0.95 + (0.01 * Gaussian(random));
            if (i % 50 == 7)
            {
                features[Insured] = 0.1;
                unusual.Add(code);
            }

            var isFlagged = i % 6 == 1;
            if (isFlagged)
            {
                flagged.Add(code);
            }

            inputs.Add(new ModelInputs(code, i % 2 == 0 ? "manufacturing" : "retail", "small", "HN", features, [features], isFlagged ? 0.393 : 0, isFlagged ? 1 : 0));
            if (i < inspected)
            {
                outcomes.Add(new InspectionOutcomeRecord(code, new DateOnly(2026, 1, 1).AddDays(i), random.NextDouble() < (isFlagged ? 0.9 : 0.1), "test"));
            }
        }

        return (inputs, outcomes, unusual, flagged);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
