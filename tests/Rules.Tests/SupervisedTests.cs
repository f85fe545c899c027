using Inspection.Rules.Supervised;

namespace Inspection.Rules.Tests;

public class SupervisedTests
{
    [Fact]
    public void It_learns_from_outcomes_that_follow_the_features_and_reports_a_cross_validated_auc()
    {
        var (features, found) = Outcomes(600, seed: 1);

        var training = SupervisedRiskModel.Train(features, found);

        Assert.NotNull(training.Model);
        Assert.Null(training.StepsAsideBecause);
        Assert.InRange(training.CrossValidatedAuc!.Value, 0.8, 1.0);
        Assert.Equal((600, found.Count(f => f)), (training.Outcomes, training.ViolationsFound));
        var (test, truth) = Outcomes(400, seed: 2);
        var probabilities = training.Model!.Predict(test);
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
        Assert.True(probabilities.Where((_, i) => truth[i]).Average() > probabilities.Where((_, i) => !truth[i]).Average() + 0.3);
    }

    [Fact]
    public void Too_few_outcomes_or_all_of_one_kind_and_it_steps_aside_saying_why()
    {
        var (features, found) = Outcomes(60, seed: 3);
        var few = SupervisedRiskModel.Train(features, found);
        Assert.Null(few.Model);
        Assert.Contains("only 60 past inspection outcomes", few.StepsAsideBecause, StringComparison.Ordinal);

        var (more, _) = Outcomes(300, seed: 4);
        var oneKind = SupervisedRiskModel.Train(more, [.. more.Select(_ => false)]);
        Assert.Null(oneKind.Model);
        Assert.Contains("0 inspections found a violation", oneKind.StepsAsideBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_outcomes_give_the_same_version_and_missing_features_are_allowed()
    {
        var (features, found) = Outcomes(300, seed: 5);
        features[0][1] = double.NaN;

        var first = SupervisedRiskModel.Train(features, found).Model!;
        var second = SupervisedRiskModel.Train(features, found).Model!;
        found[^1] = !found[^1];
        var other = SupervisedRiskModel.Train(features, found).Model!;

        Assert.Equal(first.Version, second.Version);
        Assert.NotEqual(first.Version, other.Version);
        Assert.Matches("^fasttree-[0-9a-f]{12}$", first.Version);
        Assert.False(double.IsNaN(first.Predict([features[0]])[0]));
    }

    [Fact]
    public void Its_probabilities_are_near_the_rates_found_not_certainties_learnt_by_heart()
    {
        // 120 inspections, as a small agency has: a flagged enterprise was found violating 8 times in 10, another 1 in 10.
        var random = new Random(6);
        var features = Enumerable.Range(0, 120).Select(i => new[] { i % 4 == 0 ? 1.0 : 0, random.NextDouble(), random.NextDouble() }).ToList();
        var found = features.Select(row => random.NextDouble() < (row[0] == 1 ? 0.8 : 0.1)).ToList();

        var model = SupervisedRiskModel.Train(features, found).Model!;
        var probabilities = model.Predict([.. Enumerable.Range(0, 200).Select(i => new[] { i % 2 == 0 ? 1.0 : 0, random.NextDouble(), random.NextDouble() })]);

        var rate = (bool isFlagged) => found.Where((_, i) => (features[i][0] == 1) == isFlagged).Average(f => f ? 1.0 : 0);
        var flagged = probabilities.Where((_, i) => i % 2 == 0).ToList();
        var clean = probabilities.Where((_, i) => i % 2 == 1).ToList();
        Assert.InRange(flagged.Average(), rate(true) - 0.15, rate(true) + 0.15);
        Assert.InRange(clean.Average(), rate(false) - 0.1, rate(false) + 0.1);
        Assert.True(probabilities.Count(p => p > 0.99 || p < 0.01) < 20, $"{probabilities.Count(p => p > 0.99 || p < 0.01)} of 200 near certain");
    }

    [Fact]
    public void Features_missing_for_many_enterprises_do_not_drown_the_ones_that_tell()
    {
        // As in the platform: one feature no enterprise has yet, another missing for a third of them.
        var (features, found) = Outcomes(300, seed: 7);
        var sparse = features.Select((row, i) => new[] { double.NaN, i % 3 == 0 ? double.NaN : row[1], row[0], row[2], row[3] }).ToArray();

        var training = SupervisedRiskModel.Train(sparse, found);

        Assert.InRange(training.CrossValidatedAuc!.Value, 0.8, 1.0);
        Assert.All(training.Model!.Predict(sparse), p => Assert.InRange(p, 0, 1));
    }

    /// <summary>Rows of 4 features; a violation is likelier the higher the first and the lower the third, with noise.</summary>
    private static (double[][] Features, bool[] Found) Outcomes(int count, int seed)
    {
        var random = new Random(seed);
        var features = new double[count][];
        var found = new bool[count];
        for (var i = 0; i < count; i++)
        {
            features[i] = [random.NextDouble(), random.NextDouble() * 10, random.NextDouble(), random.Next(0, 5)];
            found[i] = features[i][0] - features[i][2] + ((random.NextDouble() - 0.5) * 0.6) > 0.2;
        }

        return (features, found);
    }
}
