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

    [Fact]
    public void A_change_no_bigger_than_enterprises_commonly_make_is_ordinary_however_still_the_enterprise_was()
    {
        var months = Enumerable.Repeat(new[] { 1000.0, 0.95 }, 12).ToList();
        months.Add([1060, 0.95]);
        var population = Enumerable.Range(0, 101).Select(i => Moved(2 * (i - 50))).ToList();

        var baseline = OwnHistory.Baseline(population, 2);
        var alone = OwnHistory.Score(months, Names)!.Value;
        var amongOthers = OwnHistory.Score(months, Names, baseline)!.Value;

        // The others moved by −100 … 100 around no shift: a robust spread of 1.4826 × 50.
        Assert.Equal(0, baseline.Shift[0], 6);
        Assert.Equal(1.4826 * 50, baseline.Floor[0], 6);
        Assert.True(alone.Score > 0.99, $"alone it scored {alone.Score}");
        Assert.True(amongOthers.Score < 0.5, $"against what the others did it scored {amongOthers.Score}");
    }

    [Fact]
    public void A_change_every_enterprise_made_that_month_is_no_one_s_anomaly_but_a_change_against_it_is()
    {
        // A new tax rate: everyone's second feature drops from 0.10 to 0.08.
        var population = Enumerable.Range(0, 50).Select(_ => RateCut(0.08)).ToList();
        var baseline = OwnHistory.Baseline(population, 2);

        var withEveryone = OwnHistory.Score(RateCut(0.08), Names, baseline)!.Value;
        var againstThem = OwnHistory.Score(RateCut(0.10), Names, baseline)!.Value;

        Assert.Equal(-0.02, baseline.Shift[1], 3);
        Assert.True(withEveryone.Score < 0.5, $"moving with everyone scored {withEveryone.Score}");
        Assert.True(againstThem.Score > 0.99, $"standing still while everyone moved scored {againstThem.Score}");
        Assert.Equal("insuredShare", againstThem.Feature.Name);
    }

    [Fact]
    public void A_large_enterprise_moving_by_the_share_others_commonly_move_is_ordinary_though_its_units_are_many()
    {
        // Small enterprises at 10 move by up to ±20 % (±2 units); a large one at 1,000 moves by 10 %, then by 60 %.
        var population = Enumerable.Range(0, 101).Select(i => Moved(10, 10 + ((i - 50) * 0.04))).ToList();
        var baseline = OwnHistory.Baseline(population, 2);

        var tenPercent = OwnHistory.Score(Moved(1000, 1100), Names, baseline)!.Value;
        var sixtyPercent = OwnHistory.Score(Moved(1000, 400), Names, baseline)!.Value;

        Assert.Equal(1.4826 * 0.1, baseline.RelativeFloor[0], 6);
        Assert.True(tenPercent.Score < 0.5, $"10 % scored {tenPercent.Score}");
        Assert.True(sixtyPercent.Score > 0.99, $"60 % scored {sixtyPercent.Score}");
    }

    [Fact]
    public void A_feature_no_enterprise_has_the_history_for_has_no_baseline()
    {
        var baseline = OwnHistory.Baseline([Steady(3), [.. Enumerable.Repeat(new[] { double.NaN, 1.0 }, 8)]], 2);

        Assert.True(double.IsNaN(baseline.Shift[0]) && double.IsNaN(baseline.Floor[0]));
        Assert.Equal(0, baseline.Shift[1]);
    }

    private static List<double[]> Moved(double by) => Moved(1000, 1000 + by);

    private static List<double[]> Moved(double from, double to)
    {
        var months = Enumerable.Repeat(new[] { from, 0.95 }, 12).ToList();
        months.Add([to, 0.95]);
        return months;
    }

    private static List<double[]> RateCut(double latest)
    {
        var random = new Random(5);
        var months = Enumerable.Range(0, 12).Select(_ => new[] { 1000 + (random.NextDouble() * 40) - 20, 0.10 + (random.NextDouble() * 0.001) - 0.0005 }).ToList();
        months.Add([1000, latest]);
        return months;
    }

    private static List<double[]> Steady(int count)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, count).Select(_ => new[] { 1000 + random.NextDouble() * 40 - 20, 0.95 + random.NextDouble() * 0.01 - 0.005 })];
    }
}
