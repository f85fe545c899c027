using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>The dashboard in headless Chromium, with the page's own SignalR client.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BrowserTests(PlatformFixture fixture) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_signed_in_inspector_sees_a_new_flag_appear_in_the_queue_without_reloading()
    {
        var province = (await fixture.Simulator.EnterprisesAsync()).Select(e => e.Province).Distinct().Order().Last();
        var page = await _browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(fixture.Platform.BaseAddress.ToString());
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        await page.SelectOptionAsync("#signin-role", "inspector");
        await page.FillAsync("#signin-subject", "tv-browser");
        await page.FillAsync("#signin-provinces", province);
        await page.ClickAsync("#signin-submit");
        await page.WaitForSelectorAsync("#live-status[data-state='connected']");

        // A marker on the window survives only if the page is never reloaded.
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");
        var target = await fixture.Simulator.CleanActiveEnterpriseAsync(province);
        await fixture.Simulator.PlantAsync(target.EnterpriseCode, "TAX-DEBT-OVERDUE");

        var row = await page.WaitForSelectorAsync(
            $"#flag-queue tr[data-enterprise-code='{target.EnterpriseCode}']",
            new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.NotNull(row);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        Assert.Contains(target.EnterpriseCode, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_registry_health_page_lists_every_registry_and_refreshes_itself()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(fixture.Platform.BaseAddress.ToString());
        await page.SelectOptionAsync("#signin-role", "leadership");
        await page.FillAsync("#signin-subject", "ld-browser");
        await page.ClickAsync("#signin-submit");
        await page.ClickAsync("#nav-registries");

        await page.WaitForSelectorAsync("#registry-health tr[data-registry='tax'][data-status='ok']");
        var registries = await page.EvalOnSelectorAllAsync<string[]>("#registry-health tr[data-registry]", "rows => rows.map(r => r.dataset.registry)");
        Assert.Equal(["business-registration", "environment", "labour", "social-insurance", "tax"], registries.Order());
        await page.WaitForSelectorAsync("#registry-refreshed[data-refreshes='2']", new PageWaitForSelectorOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task The_page_switches_to_english_and_back()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(fixture.Platform.BaseAddress.ToString());
        var vietnamese = await page.InnerTextAsync("h1");

        await page.ClickAsync("#lang-en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var english = await page.InnerTextAsync("h1");
        await page.ClickAsync("#lang-vi");

        Assert.NotEqual(vietnamese, english);
        Assert.Equal(vietnamese, await page.InnerTextAsync("h1"));
    }
}
