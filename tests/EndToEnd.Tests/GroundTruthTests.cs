using System.Net;
using System.Net.Http.Json;
using Inspection.Contracts.Evidence;
using Inspection.TestSupport;

namespace Inspection.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class GroundTruthTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Every_planted_violation_is_flagged_and_enterprises_without_one_are_not()
    {
        var truth = await fixture.Simulator.GroundTruthAsync();
        Assert.NotEmpty(truth);
        var expected = truth.Select(v => (v.EnterpriseCode, v.RuleId)).ToHashSet();

        const int QueryLimit = 1000;
        var flags = new List<RiskFlag>();
        var flagged = await Eventually.Until(
            async () =>
            {
                // The simulator plants violations in registries; what enterprises report themselves (ReportTests) is not its to know.
                flags = [.. (await fixture.Evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, QueryLimit), default))
                    .Where(f => !f.RuleId.StartsWith("SELF-REPORT-", StringComparison.Ordinal))];
                return flags.Select(f => (f.EnterpriseCode, f.RuleId)).ToHashSet();
            },
            pairs => pairs.SetEquals(expected),
            TimeSpan.FromSeconds(120),
            pairs => $"missing {string.Join(", ", expected.Except(pairs))}; unexpected {string.Join(", ", pairs.Except(expected))}");

        Assert.True(flags.Count < QueryLimit, "the query saw every flag, not the first page of them");
        Assert.Equal(expected.Count, flagged.Count);
    }

    [Fact]
    public async Task Flags_api_returns_planted_flags_newest_first_to_a_development_inspector()
    {
        var truth = await fixture.Simulator.GroundTruthAsync();
        var province = (await fixture.Simulator.EnterprisesAsync()).First(e => e.EnterpriseCode == truth[0].EnterpriseCode).Province;
        var token = await fixture.Platform.SignInAsync("inspector", "tv-e2e", [province]);
        using var client = fixture.Platform.CreateClient(token);

        var flags = await Eventually.Until(
            async () => (await client.GetFromJsonAsync<List<RiskFlag>>("/api/flags?limit=500"))!,
            list => list.Any(f => f.EnterpriseCode == truth[0].EnterpriseCode),
            TimeSpan.FromSeconds(120),
            list => $"{list.Count} flags, none yet for {truth[0].EnterpriseCode}");

        Assert.All(flags, f => Assert.Equal(province, f.Province));
        Assert.Equal(flags.OrderByDescending(f => f.RaisedAt).ThenBy(f => f.FlagId, StringComparer.Ordinal).Select(f => f.FlagId), flags.Select(f => f.FlagId));
        var flag = flags.First(f => f.EnterpriseCode == truth[0].EnterpriseCode);
        Assert.NotEmpty(flag.RecordReferences);
        Assert.NotEmpty(flag.Values);
        Assert.False(string.IsNullOrWhiteSpace(flag.LegalBasis));

        var unfiltered = await client.GetAsync($"/api/flags?province=xx");
        Assert.Equal(HttpStatusCode.Forbidden, unfiltered.StatusCode);
    }
}
