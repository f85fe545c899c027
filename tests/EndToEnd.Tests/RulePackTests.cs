using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.RulePacks;
using Inspection.RegistrySimulator;
using Inspection.Rules;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// A rule version on dry run beside the live one, its counts, and its promotion by an administrator,
/// after which the platform raises its flags; the past assessed under the rules then in force.
/// </summary>
public sealed class RulePackTests : IDisposable
{
    private const string Rule = "TAX-DEBT-OVERDUE";
    private readonly SqliteEvidence _evidence = new();
    private readonly string _pack = Path.Combine(Path.GetTempPath(), $"inspection-pack-{Guid.NewGuid():N}.json");

    public void Dispose()
    {
        _evidence.Dispose();
        File.Delete(_pack);
    }

    [Fact]
    public async Task A_dry_run_version_counts_what_it_would_flag_and_flags_it_once_an_administrator_promotes_it()
    {
        // Version 2 of the debt rule on trial from 2026-01: a threshold of 20 days instead of 30.
        WritePackWithDryRun(validFrom: "2026-01-01");
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 300, Seed = 9090, ViolationRate = 0.3 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            ["Rules:PackPath"] = _pack,
        });
        var evidence = platform.Services.GetRequiredService<IEvidenceQueries>();
        var planted = (await simulator.GroundTruthAsync()).Where(v => v.RuleId == Rule).ToList();
        var onTrial = planted.Where(v => string.CompareOrdinal(v.Period, "2026-01") >= 0).ToList();
        Assert.NotEmpty(onTrial);
        using var admin = platform.CreateClient(await platform.SignInAsync("admin", "ops-rules"));
        using var leadership = platform.CreateClient(await platform.SignInAsync("leadership", "ld-rules"));

        var pack = await Eventually.Until(
            async () => (await leadership.GetFromJsonAsync<RulePackSummary>("/api/rules"))!,
            summary => Version(summary, 2).Enterprises == onTrial.Count && Version(summary, 1).Enterprises == planted.Count,
            TimeSpan.FromSeconds(120),
            summary => $"v1 flagged {Version(summary, 1).Enterprises} of {planted.Count}, v2 on trial {Version(summary, 2).Enterprises} of {onTrial.Count}");
        Assert.Equal(RuleStage.DryRun, Version(pack, 2).Stage);
        // The shipped pack's twenty versions of nineteen rules, and the one on trial.
        Assert.Equal(21, pack.Rules.Count);
        Assert.DoesNotContain(await AllFlagsAsync(evidence), f => f.RuleId == Rule && f.RuleVersion == 2);

        Assert.Equal(HttpStatusCode.Forbidden, (await leadership.PostAsync($"/api/rules/{Rule}/versions/2/promote", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/rules/{Rule}/versions/9/promote", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/rules/{Rule}/versions/1/promote", null)).StatusCode);

        var promoted = await admin.PostAsync($"/api/rules/{Rule}/versions/2/promote", null);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var after = (await promoted.Content.ReadFromJsonAsync<RulePackSummary>())!;
        Assert.Equal((RuleStage.Live, (DateOnly?)new DateOnly(2025, 12, 31)), (Version(after, 1).Stage, Version(after, 1).ValidTo));
        Assert.Equal((RuleStage.Live, 1), (Version(after, 2).Stage, after.Promotions));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/rules/{Rule}/versions/2/promote", null)).StatusCode);

        var audit = (await leadership.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=rule:{Rule}@2"))!;
        var entry = Assert.Single(audit);
        Assert.Equal(("ops-rules", "admin", "rule-version.promoted"), (entry.Event.Actor, entry.Event.ActorRole, entry.Event.Action));
        Assert.Contains("2025-12-31", entry.Event.Details["v1"], StringComparison.Ordinal);

        // Every enterprise is assessed again: the promoted version now raises the flags it counted.
        var flagged = await Eventually.Until(
            async () => (await AllFlagsAsync(evidence)).Where(f => f.RuleId == Rule && f.RuleVersion == 2).Select(f => f.EnterpriseCode).ToHashSet(),
            codes => codes.SetEquals(onTrial.Select(v => v.EnterpriseCode)),
            TimeSpan.FromSeconds(60),
            codes => $"{codes.Count} of {onTrial.Count} flagged by version 2");
        Assert.Equal(onTrial.Count, flagged.Count);
    }

    [Fact]
    public async Task An_administrator_promotes_a_dry_run_version_on_the_rule_pack_page_and_leadership_sees_no_promotion()
    {
        WritePackWithDryRun(validFrom: "2026-01-01");
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 60, Seed = 9092 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            ["Rules:PackPath"] = _pack,
        });
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await BrowserSession.SignInAsync(browser, platform, "leadership", "ld-page", errors);
        await page.ClickAsync("#nav-rules");
        var trial = $"#rules-body tr[data-rule='{Rule}'][data-version='2']";
        await page.WaitForSelectorAsync($"{trial}[data-stage='dry-run']");
        // The shipped pack's twenty versions and the one on trial, a row each.
        Assert.Equal(21, await page.Locator("#rules-body tr").CountAsync());
        Assert.Equal(0, await page.Locator($"{trial} button.promote").CountAsync());

        page = await BrowserSession.SignInAsync(browser, platform, "admin", "ops-page", errors);
        await page.GotoAsync(new Uri(platform.BaseAddress, "/rules").ToString());
        await page.ClickAsync($"{trial} button.promote");
        Assert.Contains("2026", await page.InnerTextAsync($"{trial} td.confirm"), StringComparison.Ordinal);
        await page.ClickAsync($"{trial} button.promote-confirm");

        await page.WaitForSelectorAsync($"{trial}[data-stage='live']");
        await page.WaitForSelectorAsync($"#rules-body tr[data-rule='{Rule}'][data-version='1'][data-stage='live']");
        Assert.Contains(Rule, await page.InnerTextAsync("#rules-notice"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"{trial} button.promote").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_past_is_assessed_under_the_rules_in_force_then()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 300, Seed = 9091, ViolationRate = 0.3 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?> { ["Storage:DataDirectory"] = _evidence.DataDirectory });
        var late = (await simulator.GroundTruthAsync()).First(v => v.RuleId == "TAX-LATE-FILING" && string.CompareOrdinal(v.Period, "2026-07") >= 0);
        using var inspector = platform.CreateClient(await platform.SignInAsync(
            "inspector", "tv-past", [(await simulator.EnterprisesAsync()).Single(e => e.EnterpriseCode == late.EnterpriseCode).Province]));

        var now = await Eventually.Until(
            async () => await AssessAsync(inspector, late.EnterpriseCode, Today()),
            flags => flags.Any(f => f.RuleId == "TAX-LATE-FILING"),
            TimeSpan.FromSeconds(60),
            flags => $"{flags.Count} flags as of today");
        Assert.Equal(2, now.Single(f => f.RuleId == "TAX-LATE-FILING" && f.Period == late.Period).RuleVersion);

        // On 30 June 2026 the late return's period had not begun, and version 2 was not yet in force.
        var then = await AssessAsync(inspector, late.EnterpriseCode, "2026-06-30");
        Assert.DoesNotContain(then, f => f.Period == late.Period);
        Assert.All(then, f => Assert.True(string.CompareOrdinal(f.Period, "2026-06") <= 0, $"{f.RuleId} {f.Period} judged before its time"));

        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.GetAsync($"/api/enterprises/{late.EnterpriseCode}/assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.GetAsync($"/api/enterprises/{late.EnterpriseCode}/assessment?asOf=2999-01-01")).StatusCode);
    }

    /// <summary>The assessment as of a day, or none while the enterprise is not listed yet.</summary>
    private static async Task<List<RiskFlag>> AssessAsync(HttpClient client, string code, string asOf)
    {
        using var response = await client.GetAsync($"/api/enterprises/{code}/assessment?asOf={asOf}");
        return response.StatusCode == HttpStatusCode.NotFound ? [] : (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<List<RiskFlag>>())!;
    }

    private static RuleVersionSummary Version(RulePackSummary pack, int version) => pack.Rules.Single(r => r.RuleId == Rule && r.Version == version);

    private static async Task<IReadOnlyList<RiskFlag>> AllFlagsAsync(IEvidenceQueries evidence) =>
        await evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1000), default);

    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The shipped pack with version 2 of the debt rule on dry run: a 20-day threshold.</summary>
    private void WritePackWithDryRun(string validFrom)
    {
        using var stream = typeof(RulePack).Assembly.GetManifestResourceStream("Inspection.Rules.Packs.core.rules.json")!;
        var pack = JsonNode.Parse(stream, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        var rules = pack["rules"]!.AsArray();
        var trial = rules.Single(r => (string?)r!["id"] == Rule)!.DeepClone().AsObject();
        trial["version"] = 2;
        trial["stage"] = RuleStage.DryRun;
        trial["validFrom"] = validFrom;
        trial["when"] = JsonNode.Parse("""{ ">": ["tax.overdueDays", 20] }""");
        rules.Add(trial);
        File.WriteAllText(_pack, pack.ToJsonString());
    }
}
