using Inspection.Rules.Scoring;
using Inspection.Silo.Registries;

namespace Inspection.Silo.Tests.Registries;

public sealed class PullCadenceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(20);

    [Theory]
    [InlineData(new string[0], 20)]
    [InlineData(new[] { "low" }, 20)]
    [InlineData(new[] { "critical" }, 10)]
    [InlineData(new[] { "high", "medium" }, 10)]
    [InlineData(new[] { "high", "high" }, 5)]
    [InlineData(new[] { "critical", "critical", "high" }, 5)]
    public void Riskier_enterprises_are_pulled_more_often(string[] openFlags, int minutes)
    {
        var risk = RiskScore.FromSeverities(openFlags);

        Assert.Equal(TimeSpan.FromMinutes(minutes), PullCadence.For(risk.Score, Interval));
    }
}
