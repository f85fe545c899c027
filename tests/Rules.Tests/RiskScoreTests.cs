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
}
