using Inspection.Rules.Scoring;

namespace Inspection.Rules.Tests;

public sealed class RiskScoreTests
{
    [Fact]
    public void No_open_flag_means_no_risk()
    {
        Assert.Equal(RiskScore.None, RiskScore.FromSeverities([]));
    }

    [Theory]
    [InlineData(new[] { "low" }, 0.154, "low")]
    [InlineData(new[] { "high" }, 0.393, "medium")]
    [InlineData(new[] { "high", "high" }, 0.632, "high")]
    [InlineData(new[] { "critical", "medium" }, 0.689, "high")]
    public void Severities_add_up_and_saturate(string[] severities, double score, string tier)
    {
        var risk = RiskScore.FromSeverities(severities);

        Assert.Equal(score, risk.Score, precision: 3);
        Assert.Equal(tier, risk.Tier);
    }

    [Fact]
    public void More_flags_never_lower_the_score_and_it_stays_below_one()
    {
        var scores = Enumerable.Range(1, 30).Select(n => RiskScore.FromSeverities(Enumerable.Repeat("critical", n)).Score).ToList();

        Assert.Equal(scores.Order(), scores);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
    }

    [Theory]
    [InlineData(new string[0], null, null, 0, "none")]
    [InlineData(new string[0], 0.85, null, 0, "none")]
    [InlineData(new string[0], 1.0, null, 0.3, "medium")]
    [InlineData(new string[0], null, 0.9, 0.45, "medium")]
    [InlineData(new string[0], 0.95, 0.2, 0.235, "low")]
    [InlineData(new[] { "high" }, 1.0, 0.8, 0.745, "high")]
    public void Anomalies_and_the_model_add_to_the_rules_as_the_formula_says(string[] severities, double? anomaly, double? probability, double score, string tier)
    {
        var risk = RiskScore.Combine(severities, anomaly, probability);

        Assert.Equal(score, risk.Score, precision: 3);
        Assert.Equal(tier, risk.Tier);
    }

    [Fact]
    public void Without_anomaly_or_model_the_score_is_the_rules_alone()
    {
        Assert.Equal(RiskScore.FromSeverities(["high", "low"]), RiskScore.Combine(["high", "low"], null, null));
        var (rules, anomaly, model) = RiskScore.Parts([], 0.95, 0.25);
        Assert.Equal((0.0, 0.5, 0.25), (rules, Math.Round(anomaly, 9), model));
    }
}
