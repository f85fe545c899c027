using Inspection.Rules.Anomalies;

namespace Inspection.Rules.Tests.Anomalies;

public class AnomalyInputTests
{
    [Fact]
    public void A_matrix_with_a_missing_value_is_refused_naming_its_row_and_column()
    {
        var values = new double[] { 1, 2, 3, 4, double.NaN, 6 };

        var error = Assert.Throws<ArgumentException>(() => new FeatureMatrix(values, 3, ["a", "b", "c"]));

        Assert.Contains("Row 1, column 'b' is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_an_infinite_value_is_refused_naming_its_column()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 50, outliers: 0, features: 3, seed: 1);
        var ensemble = AnomalyEnsemble.Fit(rows);

        var error = Assert.Throws<ArgumentException>(() => ensemble.Score([0, double.PositiveInfinity, 0]));

        Assert.Contains("Column 'x1' is Infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_another_width_is_refused()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 50, outliers: 0, features: 3, seed: 1);
        var ensemble = AnomalyEnsemble.Fit(rows);

        Assert.Throws<ArgumentException>(() => ensemble.Score([0, 0]));
        Assert.Throws<ArgumentException>(() => ensemble.Score(new FeatureMatrix([0, 0], 2)));
    }

    [Fact]
    public void Too_few_rows_or_invalid_options_are_refused()
    {
        var (rows, _) = Planted.GaussianWithOutliers(inliers: 50, outliers: 0, features: 3, seed: 1);

        Assert.Throws<ArgumentException>(() => AnomalyEnsemble.Fit(new FeatureMatrix([1, 2, 3, 4], 2)));
        Assert.Throws<ArgumentException>(() => AnomalyEnsemble.Fit(rows, new AnomalyOptions { Trees = 0 }));
        Assert.Throws<ArgumentException>(() => AnomalyEnsemble.Fit(rows, new AnomalyOptions { Members = AnomalyMembers.None }));
        Assert.Throws<ArgumentException>(() => AnomalyEnsemble.Fit(new FeatureMatrix([1, 5, 2, 5, 3, 5], 2), new AnomalyOptions { Members = AnomalyMembers.Pca }));
    }
}
