using Inspection.Rules.Anomalies;

namespace Inspection.Rules.Tests.Anomalies;

public class AnomalyEnsembleTests
{
    [Fact]
    public void Planted_outliers_rank_above_inliers()
    {
        var (rows, anomalous) = Planted.GaussianWithOutliers(inliers: 2000, outliers: 40, features: 8, seed: 7);

        var scores = AnomalyEnsemble.Fit(rows).Score(rows);

        Assert.True(Planted.RocAuc(scores, anomalous) > 0.98, $"ROC-AUC {Planted.RocAuc(scores, anomalous):F3}");
    }

    [Fact]
    public void Every_member_alone_ranks_planted_outliers_above_inliers()
    {
        var (rows, anomalous) = Planted.GaussianWithOutliers(inliers: 2000, outliers: 40, features: 8, seed: 8);

        foreach (var member in new[] { AnomalyMembers.Pca, AnomalyMembers.Ecod, AnomalyMembers.IsolationForest, AnomalyMembers.NearestNeighbours })
        {
            var ensemble = AnomalyEnsemble.Fit(rows, new AnomalyOptions { Members = member });
            var auc = Planted.RocAuc(ensemble.Score(rows), anomalous);
            Assert.Equal(member, ensemble.Members);
            Assert.True(auc > 0.9, $"{member}: ROC-AUC {auc:F3}");
        }
    }

    [Fact]
    public void Scores_lie_between_zero_and_one_even_far_outside_the_fitted_rows()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 500, outliers: 5, features: 4, seed: 3);
        var ensemble = AnomalyEnsemble.Fit(rows);

        var scores = ensemble.Score(rows).Concat([ensemble.Score([1e12, -1e12, 1e300, 0]), ensemble.Score([0, 0, 0, 0])]).ToArray();

        Assert.All(scores, score => Assert.InRange(score, 0, 1));
        Assert.True(ensemble.Score([1e12, -1e12, 1e300, 0]) > scores.Take(rows.Rows).Max());
        Assert.True(ensemble.Score([50, 0, 0, 0]) > ensemble.Score([20, 0, 0, 0]), "rows beyond every fitted row are still told apart");
    }

    [Fact]
    public void Scores_of_the_fitted_rows_are_their_share_of_rows_below()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 4000, outliers: 0, features: 6, seed: 4);

        var scores = AnomalyEnsemble.Fit(rows).Score(rows);

        Assert.InRange(scores.Count(score => score > 0.9) / (double)scores.Length, 0.099, 0.101);
        Assert.InRange(scores.Count(score => score > 0.5) / (double)scores.Length, 0.499, 0.501);
    }

    [Fact]
    public void The_same_rows_options_and_seed_give_the_same_model_and_scores()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 3000, outliers: 30, features: 6, seed: 5);

        var first = AnomalyEnsemble.Fit(rows, new AnomalyOptions { Seed = 11 });
        var second = AnomalyEnsemble.Fit(rows, new AnomalyOptions { Seed = 11 });
        var otherSeed = AnomalyEnsemble.Fit(rows, new AnomalyOptions { Seed = 12 });

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Score(rows), second.Score(rows));
        Assert.NotEqual(first.Version, otherSeed.Version);
        Assert.StartsWith("anomaly-ensemble/1:", first.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_scores_each_row_as_scoring_it_alone_does()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 9000, outliers: 10, features: 5, seed: 6);
        var ensemble = AnomalyEnsemble.Fit(rows);

        var batch = ensemble.Score(rows);

        Assert.Equal(Enumerable.Range(0, rows.Rows).Select(i => ensemble.Score(rows.Row(i))), batch);
    }

    [Fact]
    public void The_explanation_names_the_feature_that_was_made_anomalous()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 2000, outliers: 0, features: 8, seed: 9);
        var ensemble = AnomalyEnsemble.Fit(rows, new AnomalyOptions { Seed = 2 });

        var explanation = ensemble.Explain([0.1, -0.3, 0.2, 7.5, 0.0, -0.1, 0.4, 0.2], top: 2);

        var first = explanation.Features[0];
        Assert.Equal((3, "x3", 7.5), (first.Index, first.Name, first.Value));
        Assert.True(first.Share > 0.5, $"share {first.Share:F2}");
        Assert.Equal(2, explanation.Features.Count);
        Assert.Equal(ensemble.Version, explanation.ModelVersion);
        Assert.Equal(ensemble.Score([0.1, -0.3, 0.2, 7.5, 0.0, -0.1, 0.4, 0.2]), explanation.Score);
    }

    [Fact]
    public void The_explanation_of_a_broken_dependency_names_the_two_features_involved()
    {
        var random = new Random(10);
        var values = new List<double>();
        for (var i = 0; i < 3000; i++)
        {
            var x = Planted.Gaussian(random);
            values.AddRange([Planted.Gaussian(random), x, Planted.Gaussian(random), x + (0.1 * Planted.Gaussian(random))]);
        }

        var ensemble = AnomalyEnsemble.Fit(new FeatureMatrix([.. values], 4, ["staff", "revenue", "branches", "vat"]));

        // Each value alone is usual; VAT of a revenue of the opposite sign is not.
        var explanation = ensemble.Explain([0.0, 1.2, 0.0, -1.2], top: 2);

        Assert.Equal(["revenue", "vat"], explanation.Features.Select(feature => feature.Name).Order());
        Assert.True(explanation.Score > 0.99, $"score {explanation.Score:F3}");
    }

    [Fact]
    public void Scoring_a_row_allocates_nothing()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 3000, outliers: 30, features: 12, seed: 12);
        var ensemble = AnomalyEnsemble.Fit(rows);
        // Warm up over every row, twice, so that first-run work is done before measuring: the thread's
        // scratch, and the methods the runtime recompiles once they are hot.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < rows.Rows; i++)
            {
                ensemble.Score(rows.Row(i));
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rows.Rows; i++)
        {
            ensemble.Score(rows.Row(i));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
