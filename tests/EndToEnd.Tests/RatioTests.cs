using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Ratio;
using Inspection.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>The remote-check ratio over the platform's own cases, through the API, within each caller's scope.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RatioTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Leadership_sees_the_ratio_and_hit_rates_by_province_and_an_inspector_only_their_own()
    {
        await SeedAsync(2024,
        [
            ("01", CaseModes.Remote, CaseSelections.Risk, CaseOutcomes.Violation, 2),
            ("01", CaseModes.Remote, CaseSelections.Plan, CaseOutcomes.Compliant, 5),
            ("01", CaseModes.OnSite, CaseSelections.Risk, CaseOutcomes.Compliant, 8),
            ("79", CaseModes.Hybrid, CaseSelections.Risk, CaseOutcomes.Referral, 11),
        ]);

        using var leadership = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-ratio"));
        var rows = (await leadership.GetFromJsonAsync<List<RatioRow>>("/api/ratio?groupBy=province&period=year&from=2024-01-01&to=2024-12-31"))!;

        Assert.Equal(
            [
                new RatioRow("2024", "province", "01", 3, 2, 0.6667, null, 2, 1, 0.5, 1, 0, 0.0),
                new RatioRow("2024", "province", "79", 1, 0, 0.0, null, 1, 1, 1.0, 0, 0, null),
            ],
            rows);
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-ratio", ["79"]));
        Assert.Equal(["79"], (await inspector.GetFromJsonAsync<List<RatioRow>>("/api/ratio?groupBy=province&from=2024-01-01&to=2024-12-31"))!.Select(r => r.Group));
        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.GetAsync("/api/ratio?groupBy=planet")).StatusCode);
        var drilled = (await leadership.GetFromJsonAsync<List<RatioRow>>("/api/ratio?groupBy=province&period=year&from=2024-01-01&to=2024-12-31&province=79"))!;
        Assert.Equal(["79"], drilled.Select(r => r.Group));
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/api/ratio?groupBy=sector&province=01")).StatusCode);
        using var csv = await leadership.GetAsync("/api/ratio/export?format=csv&groupBy=province&from=2024-01-01&to=2024-12-31");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2024,province,01,3,2,0.6667,,2,1,0.5,1,0,0", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var xlsx = await leadership.GetAsync("/api/ratio/export?format=xlsx&groupBy=province&from=2024-01-01&to=2024-12-31");
        Assert.Equal(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"), (xlsx.Content.Headers.ContentType?.MediaType, System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2])));
        Assert.Equal(HttpStatusCode.BadRequest, (await leadership.GetAsync("/api/ratio/export?format=pdf")).StatusCode);
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", "0100109106", enterpriseCode: "0100109106"));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/ratio")).StatusCode);
    }

    [Fact]
    public async Task The_leadership_page_draws_the_remote_share_per_year_against_the_target_line()
    {
        // 2025: three of four checks remote, against the 50 % target; in province 01, one in manufacturing and one in trade.
        await SeedAsync(2025,
        [
            ("01", CaseModes.Remote, CaseSelections.Risk, CaseOutcomes.Violation, 3, "manufacturing"),
            ("01", CaseModes.Remote, CaseSelections.Risk, CaseOutcomes.Compliant, 4, "trade"),
            ("79", CaseModes.Remote, CaseSelections.Plan, CaseOutcomes.Compliant, 6, "trade"),
            ("79", CaseModes.OnSite, CaseSelections.Risk, CaseOutcomes.Violation, 9, "trade"),
        ]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(fixture.Platform.BaseAddress.ToString());
        await page.SelectOptionAsync("#signin-role", "leadership");
        await page.FillAsync("#signin-subject", "ld-ratio-page");
        await page.ClickAsync("#signin-submit");
        await page.WaitForSelectorAsync("#session-info:not([hidden])");

        await page.ClickAsync("#nav-ratio");
        var bar = await page.WaitForSelectorAsync("#ratio-chart rect.bar[data-period='2025']");
        // A horizontal line has no height: it is there to be seen, though Playwright calls it hidden.
        var target = await page.WaitForSelectorAsync("#ratio-chart line.target-line[data-period='2025']", new() { State = WaitForSelectorState.Attached });

        Assert.Equal("0.75", await bar!.GetAttributeAsync("data-share"));
        Assert.Equal("0.5", await target!.GetAttributeAsync("data-target"));
        // The bar reaches above the target line: a smaller y is higher on the page.
        var barTop = double.Parse((await bar.GetAttributeAsync("y"))!, CultureInfo.InvariantCulture);
        var targetY = double.Parse((await target.GetAttributeAsync("y1"))!, CultureInfo.InvariantCulture);
        Assert.True(barTop < targetY, $"bar top {barTop}, target line {targetY}");
        Assert.Contains("Tỷ lệ kiểm tra từ xa", await page.InnerTextAsync("#ratio-title"), StringComparison.Ordinal);
        Assert.Contains("75", await page.InnerTextAsync("#ratio-body tr[data-period='2025'] td.share"), StringComparison.Ordinal);

        // Live: a check concluded now is counted on the open page, without a reload.
        await page.WaitForSelectorAsync("#live-status[data-state='connected']");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        var before = await ChecksShownAsync(page, year);
        await ConcludeACheckNowAsync();
        await page.WaitForFunctionAsync(
            "([year, expected]) => { const cell = document.querySelector(`#ratio-body tr[data-period='${year}'] td:nth-child(3)`); return cell !== null && Number(cell.textContent.replace(/\\D/g, '')) === expected; }",
            new object[] { year, before + 1 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the leadership page reloaded");

        await page.SelectOptionAsync("#ratio-group", "province");
        await page.WaitForSelectorAsync("#ratio-body tr[data-period='2025'][data-group='79']");
        // Drill-down: the 2025 bar narrows the table to 2025, a province opens its sectors.
        await page.ClickAsync("#ratio-chart rect.bar[data-period='2025']");
        await page.WaitForSelectorAsync("#ratio-focus:not([hidden])");
        Assert.All(await page.Locator("#ratio-body tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.period)"), shown => Assert.Equal("2025", shown));
        await page.ClickAsync("#ratio-body tr[data-period='2025'][data-group='01'] button.drill");
        var manufacturing = await page.WaitForSelectorAsync("#ratio-drill-body tr[data-period='2025'][data-group='manufacturing'] td.share");
        Assert.Contains("100", await manufacturing!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["manufacturing", "trade"], (await page.Locator("#ratio-drill-body tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.group)")).Order(StringComparer.Ordinal));
        await page.ClickAsync("#ratio-focus-clear");
        await page.WaitForSelectorAsync("#ratio-focus", new() { State = WaitForSelectorState.Hidden });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#ratio-csv"));
        Assert.Equal("ti-le-kiem-tra-tu-xa-province-year.csv", download.SuggestedFilename);
        Assert.Contains("2025,province,79,2,1,0.5,0.5,1,1,1,1,0,0", await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
        await page.ClickAsync("#lang-en");
        await page.WaitForSelectorAsync("#ratio-title:has-text('Remote-check ratio')");
        Assert.Empty(errors);
    }

    private static async Task<int> ChecksShownAsync(IPage page, string year)
    {
        var cell = await page.QuerySelectorAsync($"#ratio-body tr[data-period='{year}'] td:nth-child(3)");
        return cell is null ? 0 : int.Parse(new string([.. (await cell.InnerTextAsync()).Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
    }

    /// <summary>A check opened and concluded now through the API, as an inspector would: its conclusion is pushed live.</summary>
    private async Task ConcludeACheckNowAsync()
    {
        var target = (await fixture.Evidence.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 1, 0), default)).Single();
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-ratio-live", [target.Province]));
        var opened = await inspector.PostAsJsonAsync("/api/cases", new
        {
            enterpriseCode = target.Code,
            agency = "Thanh tra tỉnh",
            selection = CaseSelections.Risk,
            mode = CaseModes.Remote,
            decision = new
            {
                number = "88/QĐ-TTr",
                date = Days.FromToday(0),
                legalBasis = "Luật Thanh tra 84/2025/QH15",
                scope = "Việc chấp hành pháp luật về thuế",
                team = new[] { "tv-ratio-live" },
                deadline = Days.FromToday(30),
            },
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<CaseFile>())!.Id;
        var concluded = await inspector.PostAsJsonAsync($"/api/cases/{id}/conclusion", new { outcome = CaseOutcomes.Compliant, summary = "Chấp hành đúng quy định", followUps = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
    }

    /// <summary>Concluded checks of one year, straight into the case store, as if each had run its course.</summary>
    private Task SeedAsync(int year, (string Province, string Mode, string Selection, string Outcome, int Month)[] seeded) =>
        SeedAsync(year, [.. seeded.Select(c => (c.Province, c.Mode, c.Selection, c.Outcome, c.Month, "trade"))]);

    private async Task SeedAsync(int year, (string Province, string Mode, string Selection, string Outcome, int Month, string Sector)[] seeded)
    {
        var store = fixture.Platform.Services.GetRequiredService<ICaseStore>();
        foreach (var (province, mode, selection, outcome, month, sector) in seeded)
        {
            var at = new DateTimeOffset(year, month, 10, 3, 0, 0, TimeSpan.Zero);
            var id = Guid.CreateVersion7().ToString("N");
            var file = new CaseFile(
                id, "0100109106", province, sector, "Thanh tra tỉnh", selection,
                new CaseDecision($"{id[..6]}/QĐ-TTr", DateOnly.FromDateTime(at.UtcDateTime.AddDays(-10)), "Luật Thanh tra 84/2025/QH15", "Thuế", ["tv-ratio"], DateOnly.FromDateTime(at.UtcDateTime.AddDays(20))),
                mode, [], CaseStatuses.Concluded, [], [], new CaseConclusion(outcome, "Kết luận", [], at, "tv-ratio"), null, at.AddDays(-10), "tv-ratio", 1);
            await store.RecordAsync(file, "case.concluded", new CaseActor("tv-ratio", "inspector"), at, new Dictionary<string, string?>(), default);
        }
    }
}
