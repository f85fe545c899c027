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
