using Inspection.Rules.Anomalies;

namespace Inspection.Rules.Tests.Anomalies;

public class OwnHistoryTests
{
    private static readonly string[] Names = ["revenue", "insuredShare"];

    [Fact]
    public void A_month_far_from_the_enterprise_s_own_history_scores_high_and_names_the_feature()
    {
        var months = Steady(12);
        months.Add([200, 0.95]);

        var (score, feature) = OwnHistory.Score(months, Names)!.Value;

        Assert.True(score > 0.99, $"scored {score}");
        Assert.Equal(("revenue", 200.0), (feature.Name, feature.Value));
        Assert.InRange(feature.Median, 980, 1020);
    }

    [Fact]
    public void A_month_like_the_others_is_nothing_to_look_into_and_too_short_a_history_scores_nothing()
    {
        var months = Steady(12);
        months.Add([1010, 0.951]);

        var usual = OwnHistory.Score(months, Names)!.Value;
        Assert.True(usual.Score < 0.9, $"scored {usual.Score} on {usual.Feature}");
        Assert.Null(OwnHistory.Score(Steady(5), Names));
    }

    private static List<double[]> Steady(int count)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, count).Select(_ => new[] { 1000 + random.NextDouble() * 40 - 20, 0.95 + random.NextDouble() * 0.01 - 0.005 })];
    }
}
