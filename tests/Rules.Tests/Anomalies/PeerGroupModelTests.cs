using Inspection.Rules.Anomalies;

namespace Inspection.Rules.Tests.Anomalies;

public class PeerGroupModelTests
{
    private static readonly string[] Names = ["revenue", "insuredShare", "hoursOverLimit"];

    [Fact]
    public void An_enterprise_usual_among_its_peers_but_not_among_others_is_judged_among_its_peers()
    {
        var random = new Random(7);
        var enterprises = new List<(PeerGroup, double[])>();
        // Big traders sell ten times what small workshops do: each is usual among its own.
        enterprises.AddRange(Enumerable.Range(0, 200).Select(_ => (new PeerGroup("trade", "large", "01"), new[] { 1000 + random.NextDouble() * 100, 0.9 + random.NextDouble() * 0.1, double.NaN })));
        enterprises.AddRange(Enumerable.Range(0, 200).Select(_ => (new PeerGroup("manufacturing", "small", "01"), new[] { 100 + random.NextDouble() * 10, 0.9 + random.NextDouble() * 0.1, random.NextDouble() })));

        var model = PeerGroupModel.Fit(enterprises, Names, minimumGroup: 50);

        var trader = model.Score(new PeerGroup("trade", "large", "01"), [1050, 0.95, double.NaN])!;
        var workshopSellingLikeATrader = model.Score(new PeerGroup("manufacturing", "small", "01"), [1050, 0.95, 0.5])!;
        Assert.True(trader.Score < 0.9, $"a usual trader scored {trader.Score}");
        Assert.True(workshopSellingLikeATrader.Score > 0.95, $"an unusual workshop scored {workshopSellingLikeATrader.Score}");
        Assert.Equal("revenue", workshopSellingLikeATrader.Features[0].Name);
        Assert.Equal(0, workshopSellingLikeATrader.Features[0].Index);
        Assert.Equal(new PeerGroup("trade", "large", "01"), trader.JudgedIn);
        Assert.StartsWith("peer-groups/1:", trader.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_too_small_is_judged_in_the_next_wider_group_and_a_feature_most_lack_is_left_out()
    {
        var random = new Random(8);
        var enterprises = Enumerable.Range(0, 120)
            .Select(i => (new PeerGroup("transport", "small", i < 5 ? "79" : "01"), new[] { 200 + random.NextDouble() * 20, 0.95, double.NaN }))
            .ToList();

        var model = PeerGroupModel.Fit(enterprises, Names, minimumGroup: 30);

        var fromSmallProvince = model.Score(new PeerGroup("transport", "small", "79"), [205, 0.95, double.NaN])!;
        Assert.Equal(new PeerGroup("transport", "small", PeerGroup.Any), fromSmallProvince.JudgedIn);
        Assert.DoesNotContain(fromSmallProvince.Features, feature => feature.Name == "hoursOverLimit");
        Assert.False(model.Groups.ContainsKey(new PeerGroup("transport", "small", "79")));
        Assert.Equal(115, model.Groups[new PeerGroup("transport", "small", "01")]);
    }

    [Fact]
    public void An_unknown_value_of_an_enterprise_is_neither_usual_nor_unusual()
    {
        var random = new Random(9);
        var enterprises = Enumerable.Range(0, 300).Select(_ => (new PeerGroup("it-services", "small", "01"), new[] { 50 + random.NextDouble() * 5, 0.9 + random.NextDouble() * 0.1, random.NextDouble() })).ToList();

        var model = PeerGroupModel.Fit(enterprises, Names, minimumGroup: 50);

        Assert.True(model.Score(new PeerGroup("it-services", "small", "01"), [52.5, double.NaN, 0.5])!.Score < 0.9);
        Assert.Null(PeerGroupModel.Fit(enterprises.Take(10).ToList(), Names, minimumGroup: 50).Score(new PeerGroup("it-services", "small", "01"), [52.5, 0.95, 0.5]));
    }

    [Fact]
    public void Size_bands_follow_the_payroll()
    {
        Assert.Equal(["micro", "small", "medium", "large", "unknown"], new[] { 3.0, 12, 120, 900, double.NaN }.Select(PeerGroup.SizeBandOf));
    }
}
