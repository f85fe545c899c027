using Inspection.Rules.Anomalies;
using Inspection.Rules.Features;
using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class FeatureTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);
    private readonly RulePack pack = RulePack.LoadShipped();

    [Fact]
    public void A_clean_enterprise_s_features_are_its_latest_three_months()
    {
        var features = Of(EnterpriseBuilder.CleanYear());

        Assert.Equal(EnterpriseFeatures.Names.Count, features.Length);
        Assert.Equal(1_250_000_000, Feature(features, "revenue"));
        Assert.Equal(0, Feature(features, "revenueChangePct"));
        Assert.Equal(0.1, Feature(features, "outputVatShare"), 6);
        Assert.Equal(0.784, Feature(features, "inputToOutputVat"), 6);
        Assert.Equal(96, Feature(features, "invoicesPerBillion"), 6);
        Assert.Equal(40, Feature(features, "payrollHeadcount"));
        Assert.Equal(0.95, Feature(features, "insuredShare"), 6);
        Assert.Equal(1, Feature(features, "contributionPaidShare"));
        Assert.Equal(0, Feature(features, "monthsInArrears"));
        Assert.Equal(-2, Feature(features, "filingDelayDays"));
        Assert.Equal(0, Feature(features, "overdueDays"));
        Assert.Equal(31_250_000, Feature(features, "revenuePerWorker"));
        Assert.Equal(0, Feature(features, "hoursOverLimit"));
        Assert.Equal(99.4, Feature(features, "uptimePercent"), 6);
    }

    [Fact]
    public void Features_follow_what_the_records_of_the_window_say()
    {
        var features = Of(EnterpriseBuilder.CleanYear()
            .Tax("2026-11", ("revenue", "250000000"), ("outputVat", "25000000"), ("overdueDays", "45"))
            .Contribution("2026-10", ("monthsInArrears", "3"), ("contributionPaid", "0"))
            .Tax("2026-07", ("overdueDays", "90")));

        Assert.Equal(250_000_000, Feature(features, "revenue"));
        Assert.Equal(-80, Feature(features, "revenueChangePct"), 6);
        Assert.Equal(45, Feature(features, "overdueDays"));
        Assert.Equal(3, Feature(features, "monthsInArrears"));
        Assert.Equal(2.0 / 3, Feature(features, "contributionPaidShare"), 6);
    }

    [Fact]
    public void Features_without_their_records_are_unknown_and_without_a_return_there_are_none()
    {
        var withoutStation = Of(EnterpriseBuilder.CleanYear().InactiveFrom("2026-12"));
        Assert.False(double.IsNaN(Feature(withoutStation, "uptimePercent")));
        var facts = new FactSet(pack);
        foreach (var record in EnterpriseBuilder.CleanYear().Build().Records.Where(r => r.Registry != "environment"))
        {
            facts.Remember(record);
        }

        Assert.True(double.IsNaN(Feature(EnterpriseFeatures.Of(facts, AsOf)!, "hoursOverLimit")));
        Assert.Null(EnterpriseFeatures.Of(new FactSet(pack), AsOf));
        Assert.Null(EnterpriseFeatures.Of(facts, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void History_is_the_features_at_each_of_the_last_returns_oldest_first_ending_with_the_latest()
    {
        var facts = Facts(EnterpriseBuilder.CleanYear().Tax("2026-11", ("revenue", "250000000")));

        var history = EnterpriseFeatures.History(facts, AsOf, months: 7);

        Assert.Equal(7, history.Count);
        Assert.Equal(EnterpriseFeatures.Of(facts, AsOf), history[^1]);
        Assert.Equal(250_000_000, Feature(history[^1], "revenue"));
        Assert.All(history.SkipLast(1), month => Assert.Equal(1_250_000_000, Feature(month, "revenue")));
        Assert.Equal(EnterpriseFeatures.Of(facts, new DateOnly(2026, 10, 31)), history[^2]);
        Assert.Equal(3, EnterpriseFeatures.History(facts, new DateOnly(2026, 2, 15), months: 7).Count);
        Assert.Empty(EnterpriseFeatures.History(new FactSet(pack), AsOf, months: 7));
    }

    [Fact]
    public void A_latest_month_unlike_the_enterprise_s_own_history_stands_out_by_the_feature_that_moved()
    {
        var steady = EnterpriseFeatures.History(Facts(EnterpriseBuilder.CleanYear()), AsOf, months: 12);
        var collapsed = EnterpriseFeatures.History(Facts(EnterpriseBuilder.CleanYear().Tax("2026-11", ("revenue", "250000000"))), AsOf, months: 12);

        var quiet = OwnHistory.Score(steady, EnterpriseFeatures.Names);
        var loud = OwnHistory.Score(collapsed, EnterpriseFeatures.Names);

        Assert.NotNull(quiet);
        Assert.NotNull(loud);
        Assert.True(quiet.Value.Score < 0.5, $"a steady year scores {quiet.Value.Score}");
        Assert.True(loud.Value.Score > 0.99, $"a collapsed month scores {loud.Value.Score}");
        Assert.Contains(loud.Value.Feature.Name, new[] { "revenue", "revenueChangePct", "revenuePerWorker", "invoicesPerBillion", "outputVatShare" });
    }

    private FactSet Facts(EnterpriseBuilder enterprise)
    {
        var facts = new FactSet(pack);
        foreach (var record in enterprise.Build().Records)
        {
            facts.Remember(record);
        }

        return facts;
    }

    private double[] Of(EnterpriseBuilder enterprise) => EnterpriseFeatures.Of(Facts(enterprise), AsOf)!;

    private static double Feature(double[] features, string name) => features[EnterpriseFeatures.Names.ToList().IndexOf(name)];
}
