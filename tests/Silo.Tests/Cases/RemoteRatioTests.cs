using Inspection.Api.Ratio;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Ratio;
using Microsoft.Extensions.Configuration;

namespace Inspection.Silo.Tests.Cases;

public class RemoteRatioTests
{
    /// <summary>
    /// A seeded history: 1–6 concluded, 7 cancelled, 8 still open. Case 4 went on site and came back to
    /// remote; case 5 ended hybrid.
    /// </summary>
    public static IReadOnlyList<CaseFile> History { get; } =
    [
        Check("c1", "A", "01", "trade", CaseSelections.Risk, CaseModes.Remote, [], CaseOutcomes.Violation, new(2025, 3, 10)),
        Check("c2", "A", "01", "trade", CaseSelections.Plan, CaseModes.Remote, [], CaseOutcomes.Compliant, new(2025, 6, 1)),
        Check("c3", "A", "79", "manufacturing", CaseSelections.Risk, CaseModes.OnSite, [], CaseOutcomes.SanctionProposed, new(2025, 11, 20)),
        Check("c4", "B", "79", "manufacturing", CaseSelections.Risk, CaseModes.Remote, [(CaseModes.Remote, CaseModes.OnSite), (CaseModes.OnSite, CaseModes.Remote)], CaseOutcomes.Violation, new(2025, 12, 31)),
        Check("c5", "B", "01", "manufacturing", CaseSelections.Complaint, CaseModes.Hybrid, [], CaseOutcomes.Compliant, new(2026, 1, 5)),
        Check("c6", "B", "79", "trade", CaseSelections.Risk, CaseModes.Remote, [], CaseOutcomes.Compliant, new(2026, 2, 14)),
        Check("c7", "A", "01", "trade", CaseSelections.Risk, CaseModes.Remote, [], null, new(2026, 3, 1)) with { Status = CaseStatuses.Cancelled, Conclusion = null },
        Check("c8", "A", "79", "trade", CaseSelections.Plan, CaseModes.Remote, [], null, new(2026, 4, 1)) with { Status = CaseStatuses.UnderWay, Conclusion = null },
    ];

    [Fact]
    public void Overall_per_year_remote_share_target_and_hit_rates_by_selection_are_exact()
    {
        var rows = RemoteRatio.Count(History, "all", "year", new RatioOptions());

        Assert.Equal(
            [
                new RatioRow("2025", "all", "all", 4, 2, 0.5, 0.5, 3, 3, 1.0, 1, 0, 0.0),
                new RatioRow("2026", "all", "all", 2, 1, 0.5, 0.5, 1, 0, 0.0, 1, 0, 0.0),
            ],
            rows);
    }

    [Fact]
    public void By_agency_province_sector_and_quarter_each_group_counts_its_own_checks()
    {
        var rule = new RatioOptions();

        Assert.Equal([("2025", "A", 3, 2, 0.6667), ("2025", "B", 1, 0, 0.0), ("2026", "B", 2, 1, 0.5)], Brief(RemoteRatio.Count(History, "agency", "year", rule)));
        Assert.Equal([("2025", "01", 2, 2, 1.0), ("2025", "79", 2, 0, 0.0), ("2026", "01", 1, 0, 0.0), ("2026", "79", 1, 1, 1.0)], Brief(RemoteRatio.Count(History, "province", "year", rule)));
        Assert.Equal([("2026", "manufacturing", 1, 0, 0.0), ("2026", "trade", 1, 1, 1.0)], Brief(RemoteRatio.Count(History, "sector", "year", rule)).Where(r => r.Item1 == "2026"));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q4", "2026-Q1"], RemoteRatio.Count(History, "all", "quarter", rule).Select(r => r.Period));
        Assert.Equal(["c4"], History.Where(c => c.Conclusion?.ConcludedAt.Month == 12).Select(c => c.Id));
        Assert.Equal(1, RemoteRatio.Count(History, "all", "month", rule).Single(r => r.Period == "2025-12").Checks);
    }

    [Fact]
    public void The_counting_rule_is_configuration()
    {
        var finalMode = new RatioOptions { FinalModeOnly = true };
        var cancelled = new RatioOptions { CountCancelled = true };
        var hybrid = new RatioOptions();
        hybrid.RemoteModes.Add(CaseModes.Hybrid);

        Assert.Equal(3, RemoteRatio.Count(History, "all", "year", finalMode)[0].Remote);
        var withCancelled = RemoteRatio.Count(History, "all", "year", cancelled)[1];
        Assert.Equal((3, 1, 0.3333, 2, 0), (withCancelled.Checks, withCancelled.Remote, withCancelled.RemoteShare!.Value, withCancelled.RiskBasedChecks, withCancelled.RiskBasedFound));
        Assert.Equal(1.0, RemoteRatio.Count(History, "all", "year", hybrid)[1].RemoteShare);
    }

    [Fact]
    public void The_counting_rule_is_read_from_the_configuration_section_the_host_binds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ratio:RemoteModes:1"] = CaseModes.Hybrid,
            ["Ratio:CountCancelled"] = "true",
            ["Ratio:Targets:2026"] = "0.6",
        }).Build();
        var rule = new RatioOptions();
        configuration.GetSection(RatioOptions.SectionName).Bind(rule);

        var year2026 = RemoteRatio.Count(History, "all", "year", rule)[1];

        Assert.Equal([CaseModes.Remote, CaseModes.Hybrid], rule.RemoteModes);
        // c5 (hybrid) and c6 now remote, c7 (cancelled) now a check, under a 60 % target.
        Assert.Equal((3, 2, 0.6), (year2026.Checks, year2026.Remote, year2026.Target!.Value));
    }

    [Theory]
    [InlineData(2024, null)]
    [InlineData(2025, 0.5)]
    [InlineData(2029, 0.5)]
    [InlineData(2030, 0.7)]
    [InlineData(2035, 0.7)]
    public void The_target_in_force_is_the_latest_set_at_or_before_the_year(int year, double? target)
    {
        Assert.Equal(target, RemoteRatio.TargetFor(year, new RatioOptions()));
        var changed = new RatioOptions();
        changed.Targets[2027] = 0.6;
        Assert.Equal(year is >= 2027 and < 2030 ? 0.6 : target, RemoteRatio.TargetFor(year, changed));
    }

    private static IEnumerable<(string, string, int, int, double)> Brief(IEnumerable<RatioRow> rows) =>
        rows.Select(r => (r.Period, r.Group, r.Checks, r.Remote, r.RemoteShare!.Value));

    internal static CaseFile Check(string id, string agency, string province, string sector, string selection, string mode,
        (string From, string To)[] changes, string? outcome, DateOnly closed)
    {
        var at = new DateTimeOffset(closed.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var decision = new CaseDecision($"{id}/QĐ-TTr", closed.AddDays(-20), "Luật Thanh tra 84/2025/QH15", "Thuế và BHXH", ["tv-01"], closed.AddDays(10));
        return new CaseFile(
            id, "0100109106", province, sector, agency, selection, decision, mode,
            [.. changes.Select(c => new ModeChange(c.From, c.To, "Cần xác minh tại chỗ", at.AddDays(-5), "tv-01"))],
            CaseStatuses.Concluded, [], [],
            outcome is null ? null : new CaseConclusion(outcome, "Kết luận", [], at, "tv-01"),
            null, at.AddDays(-20), "tv-01", 3);
    }
}
