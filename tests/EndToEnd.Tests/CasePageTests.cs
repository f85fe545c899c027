using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Inspection.Api.Apis;
using Inspection.Contracts.Cases;
using Inspection.TestSupport;
using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>The inspector's case pages in headless Chromium: every step from the forms, refusals beside them, and the role-aware navigation.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CasePageTests(PlatformFixture fixture)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task An_inspector_opens_a_case_from_the_enterprise_page_and_takes_it_to_a_locked_violation_conclusion()
    {
        var (inspector, enterprise, target) = await fixture.FlaggedEnterpriseAsync("tv-case-page");
        var code = target.Enterprise.Code;
        var flag = target.Flags[0].Flag;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await BrowserSession.SignInAsync(browser, fixture.Platform, "inspector", "tv-case-page", errors, provinces: target.Enterprise.Province);

        await page.GotoAsync(Url($"/enterprise?code={code}"));
        await page.WaitForSelectorAsync("#case-open form[data-form='open']");
        Assert.Equal("risk", await page.InputValueAsync("#case-open select[name=selection]"));
        await page.FillAsync("#case-open input[name=number]", "77/QĐ-TTr");
        await page.FillAsync("#case-open input[name=deadline]", Days.FromToday(30));
        await page.FillAsync("#case-open input[name=agency]", "Thanh tra Sở Tài chính");
        await page.FillAsync("#case-open textarea[name=legalBasis]", "Luật Thanh tra 84/2025/QH15");
        await page.FillAsync("#case-open textarea[name=scope]", "Việc chấp hành pháp luật về thuế và BHXH năm 2026");
        await page.ClickAsync("#case-open button[type=submit]");
        await page.WaitForURLAsync("**/cases?id=*");
        var id = new Uri(page.Url).Query.Split('=')[1];

        await page.FillAsync("form[data-form='request'] textarea[name=text]", "Bảng lương và chứng từ đóng BHXH quý 3/2026");
        await page.FillAsync("form[data-form='request'] input[name=dueOn]", Days.FromToday(14));
        await page.ClickAsync("form[data-form='request'] button[type=submit]");
        await page.WaitForSelectorAsync("li.request[data-number='1'][data-status='awaiting']");
        await page.WaitForSelectorAsync("#live-status[data-state='connected']");

        using var answer = new MultipartFormDataContent { { new StringContent("Gửi kèm bảng lương"), "text" } };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        answer.Add(file, "files", "bang-luong.pdf");
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PostAsync($"/api/cases/{id}/requests/1/answers", answer)).StatusCode);

        await page.ClickAsync("form[data-form='review-1'] button[value=accept]");
        await page.WaitForSelectorAsync("li.request[data-number='1'][data-status='accepted']");
        await page.FillAsync("form[data-form='finding'] textarea[name=text]", "Số lao động đóng BHXH thấp hơn bảng lương");
        await page.CheckAsync("form[data-form='finding'] input[name=isViolation]");
        await page.CheckAsync($"form[data-form='finding'] input[name=evidence][value='flag:{flag.FlagId}']");
        await page.ClickAsync("form[data-form='finding'] button[type=submit]");
        await page.WaitForSelectorAsync("li.finding[data-number='1'][data-violation='true']");
        await page.SelectOptionAsync("form[data-form='conclude'] select[name=outcome]", "violation");
        await page.FillAsync("form[data-form='conclude'] textarea[name=summary]", "Vi phạm về đóng BHXH được xác nhận");
        await page.FillAsync("form[data-form='conclude'] input[name='followUpAction-0']", "Đóng bù BHXH và báo cáo");
        await page.FillAsync("form[data-form='conclude'] input[name='followUpDue-0']", Days.FromToday(60));
        await page.ClickAsync("form[data-form='conclude'] button[type=submit]");

        await page.WaitForSelectorAsync("#case-view[data-locked='true']");
        Assert.Equal(0, await page.Locator("#case-view form").CountAsync());
        Assert.True(await page.Locator("#case-locked .alert").IsVisibleAsync());
        Assert.Equal("violation", await page.GetAttributeAsync("#case-conclusion .conclusion", "data-outcome"));
        var stored = (await inspector.GetFromJsonAsync<CaseFile>($"/api/cases/{id}"))!;
        Assert.Equal((code, CaseSelections.Risk, "77/QĐ-TTr", CaseStatuses.Concluded, CaseOutcomes.Violation),
            (stored.EnterpriseCode, stored.Selection, stored.Decision.Number, stored.Status, stored.Conclusion!.Outcome));
        Assert.Equal(RequestStatuses.Accepted, Assert.Single(stored.Requests).Status);
        Assert.Contains(new CaseEvidence(EvidenceKinds.Flag, flag.FlagId), Assert.Single(stored.Findings).Evidence);
        Assert.Equal(new FollowUp("Đóng bù BHXH và báo cáo", DateOnly.ParseExact(Days.FromToday(60), "yyyy-MM-dd", CultureInfo.InvariantCulture)), Assert.Single(stored.Conclusion.FollowUps));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_refused_step_is_shown_beside_its_form_in_the_user_s_language_and_changes_nothing()
    {
        var (inspector, _, target) = await fixture.FlaggedEnterpriseAsync("tv-case-refused");
        var id = (await (await inspector.PostAsJsonAsync("/api/cases", Opening(target.Enterprise.Code))).Content.ReadFromJsonAsync<CaseFile>())!.Id;
        (await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Sổ kế toán năm 2025", dueOn = Days.FromToday(14) })).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await BrowserSession.SignInAsync(browser, fixture.Platform, "inspector", "tv-case-refused", errors, provinces: target.Enterprise.Province);

        await page.GotoAsync(Url($"/cases?id={id}"));
        await page.FillAsync("form[data-form='conclude'] textarea[name=summary]", "Doanh nghiệp tuân thủ");
        await page.ClickAsync("form[data-form='conclude'] button[type=submit]");

        var refusal = await page.WaitForSelectorAsync("form[data-form='conclude'] .form-error [data-refusal='not-allowed']");
        Assert.StartsWith("Chưa thể kết luận", await refusal!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Doanh nghiệp tuân thủ", await page.InputValueAsync("form[data-form='conclude'] textarea[name=summary]"));
        await page.ClickAsync("#lang-en");
        Assert.StartsWith("Cannot conclude yet", await page.InnerTextAsync("form[data-form='conclude'] .form-error [data-refusal='not-allowed']"), StringComparison.Ordinal);
        var unchanged = (await inspector.GetFromJsonAsync<CaseFile>($"/api/cases/{id}"))!;
        Assert.Equal((CaseStatuses.UnderWay, 2, null), (unchanged.Status, unchanged.Version, unchanged.Conclusion));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_enterprise_account_s_nav_leads_to_its_own_cases_and_none_of_the_staff_pages()
    {
        var (inspector, _, target) = await fixture.FlaggedEnterpriseAsync("tv-case-nav");
        var code = target.Enterprise.Code;
        var id = (await (await inspector.PostAsJsonAsync("/api/cases", Opening(code))).Content.ReadFromJsonAsync<CaseFile>())!.Id;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();

        var enterprisePage = await BrowserSession.SignInAsync(browser, fixture.Platform, "enterprise", code, errors, enterprise: code);
        await enterprisePage.WaitForSelectorAsync("#app-nav:not([hidden])");
        Assert.Equal(["nav-cases", "nav-reports"], await enterprisePage.Locator("#app-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.id)"));
        await enterprisePage.ClickAsync("#nav-cases");
        await enterprisePage.WaitForSelectorAsync($"#cases-body tr[data-case-id='{id}']");
        Assert.All(await enterprisePage.Locator("#cases-body td.code").AllInnerTextsAsync(), shown => Assert.Equal(code, shown));
        await enterprisePage.GotoAsync(Url($"/enterprise?code={code}"));
        await enterprisePage.WaitForSelectorAsync("#profile-fields .profile-item");
        Assert.False(await enterprisePage.Locator("#case-open").IsVisibleAsync());

        var staffPage = await BrowserSession.SignInAsync(browser, fixture.Platform, "inspector", "tv-case-nav", errors, provinces: target.Enterprise.Province);
        Assert.Equal(["nav-queue", "nav-registries", "nav-rules", "nav-plans", "nav-cases", "nav-ratio", "nav-reports"],
            await staffPage.Locator("#app-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.id)"));
        var leadershipPage = await BrowserSession.SignInAsync(browser, fixture.Platform, "leadership", "ld-case-nav", errors);
        await leadershipPage.GotoAsync(Url($"/enterprise?code={code}"));
        await leadershipPage.WaitForSelectorAsync("#profile-fields .profile-item");
        Assert.False(await leadershipPage.Locator("#case-open").IsVisibleAsync());
        Assert.Empty(errors);
    }

    private string Url(string path) => new Uri(fixture.Platform.BaseAddress, path).ToString();

    private static object Opening(string code) => new
    {
        enterpriseCode = code,
        agency = "Thanh tra Sở Tài chính",
        selection = "risk",
        mode = "remote",
        decision = new { number = "12/QĐ-TTr", date = Days.FromToday(0), legalBasis = "Luật Thanh tra 84/2025/QH15", scope = "Thuế và BHXH", team = new[] { "tv-01" }, deadline = Days.FromToday(30) },
    };
}
