using Inspection.Contracts.Evidence;
using Inspection.Contracts.Models;
using Inspection.Silo.Grains;

namespace Inspection.Silo.Tests.Models;

public class RiskReasonsTests
{
    [Fact]
    public void Flags_are_one_reason_per_rule_weighed_by_what_the_rule_alone_adds_strongest_first()
    {
        var reasons = RiskReasons.Of([Flag("TAX-LATE-FILING", "medium", "2026-09"), Flag("TAX-LATE-FILING", "medium", "2026-10"), Flag("BHXH-ARREARS", "high", "2026-10")], null);

        Assert.Equal(["TAX-LATE-FILING", "BHXH-ARREARS"], reasons.Select(r => r.Code));
        Assert.All(reasons, r => Assert.Equal(RiskReason.Flag, r.Kind));
        // Two medium flags weigh 1 − e^(−4/6), more than one high flag's 1 − e^(−3/6).
        Assert.Equal([0.487, 0.393], reasons.Select(r => r.Weight));
        Assert.Equal(2, reasons.Single(r => r.Code == "TAX-LATE-FILING").Value);
        Assert.Equal("high", reasons.Single(r => r.Code == "BHXH-ARREARS").Detail);
    }

    [Fact]
    public void Models_give_their_features_history_and_probability_and_what_adds_nothing_is_left_out()
    {
        var models = new ModelScores(
            AnomalyScore: 0.98,
            AnomalyFeatures: [new FeatureSignal(0.7, "insuredShare", 0.2, 0.95), new FeatureSignal(0.25, "revenue", 1e9, 1.2e9), new FeatureSignal(0.05, "uptimePercent", 99, 99.5)],
            PeerGroup: "manufacturing/small/HN",
            AnomalyModelVersion: "peer-groups/1:abc",
            History: new FeatureSignal(0.5, "revenue", 1e9, 1.2e9),
            ViolationProbability: 0.4,
            SupervisedModelVersion: "fasttree-123");

        var reasons = RiskReasons.Of([], models);

        // A* = (0.98 − 0.9) / 0.1 = 0.8: the peers' part is 0.3 × 0.8 = 0.24, shared by the features.
        Assert.Equal(
            [(RiskReason.Model, "violation-probability", 0.2), (RiskReason.Anomaly, "insuredShare", 0.168), (RiskReason.Anomaly, "revenue", 0.06), (RiskReason.Anomaly, "uptimePercent", 0.012)],
            reasons.Select(r => (r.Kind, r.Code, r.Weight)));
        var insured = reasons.Single(r => r.Code == "insuredShare");
        Assert.Equal((0.2, 0.95, "manufacturing/small/HN"), (insured.Value!.Value, insured.Reference!.Value, insured.Detail));
        Assert.Equal("fasttree-123", reasons[0].Detail);
        Assert.DoesNotContain(reasons, r => r.Kind == RiskReason.History);
    }

    [Fact]
    public void Listings_with_equal_reasons_are_the_same_and_any_change_of_a_reason_is_not()
    {
        var models = new ModelScores(null, [], null, null, new FeatureSignal(0.99, "revenue", 1e8, 1.2e9), null, null);
        var listing = new EnterpriseListing("0100109106", "A", "HN", "Hà Nội", "retail", "active", 0.3, "medium", 1, null, RiskReasons.Of([Flag("BHXH-ARREARS", "high", "2026-10")], models));
        var same = listing with { Reasons = RiskReasons.Of([Flag("BHXH-ARREARS", "high", "2026-10")], models) };
        var changed = listing with { Reasons = RiskReasons.Of([Flag("BHXH-ARREARS", "high", "2026-10")], models with { History = models.History! with { Value = 2e8 } }) };

        Assert.Equal(RiskReason.History, listing.Reasons![1].Kind);
        Assert.True(RiskReasons.SameListing(listing, same));
        Assert.False(RiskReasons.SameListing(listing, changed));
        Assert.False(RiskReasons.SameListing(listing, same with { RiskScore = 0.31 }));
    }

    private static RiskFlag Flag(string rule, string severity, string period) => new(
        $"{rule}:{period}", "0100109106", "A", "HN", "retail", rule, 1, severity, period,
        new LocalizedText("vi", "en"), new LocalizedText("vi", "en"), "basis", new Dictionary<string, string>(), [], DateTimeOffset.UnixEpoch);
}
