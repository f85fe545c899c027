using Inspection.Rules.Anomalies;

namespace Inspection.Rules.Tests.Anomalies;

public class AnomalyDataShapeTests
{
    [Fact]
    public void Constant_columns_and_duplicate_rows_are_fitted_and_the_one_row_off_a_nearly_constant_column_ranks_first()
    {
        var random = new Random(1);
        var values = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            // Every tenth row repeats the previous one; column 1 is 5 but in row 150; column 2 takes
            // three values; column 3 never changes.
            var row = i % 10 == 9 ? values.TakeLast(4).ToArray() : [Planted.Gaussian(random), i == 150 ? 6 : 5, random.Next(3), 1];
            values.AddRange(row);
        }

        var rows = new FeatureMatrix([.. values], 4, ["revenue", "branches", "sector", "country"]);
        var ensemble = AnomalyEnsemble.Fit(rows);
        var scores = ensemble.Score(rows);

        Assert.Equal(150, Array.IndexOf(scores, scores.Max()));
        Assert.Equal("branches", ensemble.Explain(rows.Row(150), top: 1).Features[0].Name);
        Assert.All(scores, score => Assert.InRange(score, 0, 1));
        Assert.True(ensemble.Score([0.0, 5, 1, 2]) > ensemble.Score([0.0, 5, 1, 1]), "a value never seen in a constant column is unusual");
    }

    [Fact]
    public void Rows_that_are_all_the_same_score_alike_and_any_other_row_scores_higher()
    {
        var ensemble = AnomalyEnsemble.Fit(new FeatureMatrix([.. Enumerable.Repeat(2.0, 40)], 2));

        Assert.Equal(AnomalyMembers.Ecod | AnomalyMembers.IsolationForest | AnomalyMembers.NearestNeighbours, ensemble.Members);
        Assert.Equal(0.5, ensemble.Score([2.0, 2.0]), 6);
        Assert.True(ensemble.Score([2.0, 3.0]) > 0.5);
    }

    [Fact]
    public void Twenty_rows_are_enough_to_fit_and_rank_an_outlier_first()
    {
        var (rows, anomalous) = Planted.GaussianWithOutliers(inliers: 19, outliers: 1, features: 4, seed: 2);

        var scores = AnomalyEnsemble.Fit(rows).Score(rows);

        Assert.Equal(Array.IndexOf(anomalous, true), Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public void More_features_than_rows_are_fitted_and_scattered_rows_ranked_first()
    {
        var random = new Random(3);
        var anomalous = Enumerable.Range(0, 50).Select(i => i % 10 == 0).ToArray();
        var values = Enumerable.Range(0, 50 * 120).Select(i => (anomalous[i / 120] ? 3 : 1) * Planted.Gaussian(random)).ToArray();
        var rows = new FeatureMatrix(values, 120);

        var scores = AnomalyEnsemble.Fit(rows).Score(rows);

        Assert.Equal(1.0, Planted.RocAuc(scores, anomalous));
    }

    [Fact]
    public void Pca_alone_catches_rows_that_break_a_dependency_between_features()
    {
        var random = new Random(4);
        var values = new List<double>();
        var anomalous = new List<bool>();
        for (var i = 0; i < 2000; i++)
        {
            // Each feature alone looks usual; the anomalies' second feature ignores the first.
            var x = Planted.Gaussian(random);
            var broken = i % 100 == 0;
            values.AddRange([x, broken ? -x : x + (0.1 * Planted.Gaussian(random)), Planted.Gaussian(random)]);
            anomalous.Add(broken && Math.Abs(x) > 0.5);
        }

        var rows = new FeatureMatrix([.. values], 3);
        var scores = AnomalyEnsemble.Fit(rows, new AnomalyOptions { Members = AnomalyMembers.Pca }).Score(rows);

        Assert.True(Planted.RocAuc(scores, anomalous) > 0.95, $"ROC-AUC {Planted.RocAuc(scores, anomalous):F3}");
    }
}
