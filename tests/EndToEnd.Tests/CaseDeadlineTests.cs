using System.Globalization;
using System.Net.Http.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.TestSupport;
using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>Deadline notices over SignalR, with the cases' clock moved on days instead of waited for.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseDeadlineTests(PlatformFixture fixture)
{
    [Fact]
    public async Task The_enterprise_hears_a_request_is_due_soon_and_the_inspectors_that_it_is_overdue_once_each_live()
    {
        var flag = (await Eventually.Until(
            async () => await fixture.Evidence.ListFlagsAsync(new(null, null, null, null, null, 50), default),
            found => found.Count > 0, TimeSpan.FromMinutes(2), found => $"{found.Count} flags"))[0];
        var (code, province) = (flag.EnterpriseCode, flag.Province);
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-deadlines", [province]));
        var id = (await (await inspector.PostAsJsonAsync("/api/cases", Opening(code))).Content.ReadFromJsonAsync<CaseFile>())!.Id;
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        (await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Báo cáo quan trắc môi trường quý 4/2026", dueOn })).EnsureSuccessStatusCode();
        await using var enterpriseFeed = await CaseNoticeListener.ConnectAsync(fixture.Platform.BaseAddress, await fixture.Platform.SignInAsync("enterprise", code, enterpriseCode: code));
        await using var inspectorFeed = await CaseNoticeListener.ConnectAsync(fixture.Platform.BaseAddress, await fixture.Platform.SignInAsync("inspector", "tv-deadlines", [province]));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var enterprisePage = await CasePageAsync(browser, id, errors, "enterprise", code, enterprise: code);
        var inspectorPage = await CasePageAsync(browser, id, errors, "inspector", "tv-deadlines", provinces: province);

        CaseNotice soon, late;
        try
        {
            fixture.CaseTime.Offset = TimeSpan.FromDays(8);
            soon = await enterpriseFeed.NextAsync(n => n.CaseId == id && n.Kind == DeadlineNoticeKinds.DueSoon);
            await enterprisePage.WaitForSelectorAsync($"#case-notices .case-notice[data-kind='{DeadlineNoticeKinds.DueSoon}'][data-case-id='{id}']");
            await enterprisePage.WaitForSelectorAsync($"li.request[data-number='1'] .deadline-badge[data-kind='{DeadlineNoticeKinds.DueSoon}']");
            fixture.CaseTime.Offset = TimeSpan.FromDays(11);
            late = await inspectorFeed.NextAsync(n => n.CaseId == id && n.Kind == DeadlineNoticeKinds.Overdue);
            await inspectorPage.WaitForSelectorAsync($"#case-notices .case-notice[data-kind='{DeadlineNoticeKinds.Overdue}'][data-case-id='{id}']");
        }
        finally
        {
            fixture.CaseTime.Offset = TimeSpan.Zero;
        }

        Assert.Equal((1, dueOn, code), (soon.RequestNumber, soon.DueOn, soon.EnterpriseCode));
        Assert.Equal((1, dueOn, province), (late.RequestNumber, late.DueOn, late.Province));
        Assert.DoesNotContain(enterpriseFeed.Received, n => n.Kind == DeadlineNoticeKinds.Overdue);
        Assert.DoesNotContain(inspectorFeed.Received, n => n.Kind == DeadlineNoticeKinds.DueSoon);
        var stored = (await inspector.GetFromJsonAsync<CaseFile>($"/api/cases/{id}"))!;
        Assert.Equal([DeadlineNoticeKinds.DueSoon, DeadlineNoticeKinds.Overdue], stored.DeadlineNotices!.Select(n => n.Kind));
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-deadlines"));
        var trail = (await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=case:{id}&limit=50"))!.OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["case.opened", "case.request-sent", "case.request-due-soon", "case.request-overdue"], trail.Select(e => e.Event.Action));
        Assert.Equal(["system", "system"], trail.Skip(2).Select(e => e.Event.Actor));
        Assert.Empty(errors);
    }

    private static object Opening(string code) => new
    {
        enterpriseCode = code,
        agency = "Chi cục Bảo vệ môi trường",
        selection = "risk",
        mode = "remote",
        decision = new
        {
            number = "31/QĐ-KT",
            date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            legalBasis = "Luật Bảo vệ môi trường 72/2020/QH14",
            scope = "Quan trắc tự động nước thải",
            team = new[] { "tv-deadlines" },
            deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
    };

    private async Task<IPage> CasePageAsync(IBrowser browser, string id, List<string> errors, string role, string subject, string? provinces = null, string? enterprise = null)
    {
        var page = await BrowserSession.SignInAsync(browser, fixture.Platform, role, subject, errors, provinces, enterprise);
        await page.GotoAsync(new Uri(fixture.Platform.BaseAddress, $"/cases?id={id}").ToString());
        await page.WaitForSelectorAsync("#live-status[data-state='connected']");
        await page.WaitForSelectorAsync("li.request[data-number='1'][data-status='awaiting']");
        return page;
    }
}
