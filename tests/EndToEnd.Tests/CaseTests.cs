using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inspection.Api.Apis;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.TestSupport;
using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>A remote inspection case through the API, from the risk queue to its locked conclusion.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseTests(PlatformFixture fixture)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_remote_case_runs_from_the_queue_to_a_locked_conclusion_with_every_step_audited()
    {
        var (inspector, enterprise, target) = await fixture.FlaggedEnterpriseAsync("tv-case");
        var flag = target.Flags[0];

        var opened = await Created(await inspector.PostAsJsonAsync("/api/cases", Opening(target.Enterprise.Code)));
        Assert.Equal((CaseStatuses.Open, CaseModes.Remote, target.Enterprise.Province), (opened.Status, opened.Mode, opened.Province));
        var id = opened.Id;
        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Bảng lương và chứng từ đóng BHXH tháng 9/2026", dueOn = Days.FromToday(18) }));

        var answered = await Ok(await enterprise.PostAsync($"/api/cases/{id}/requests/1/answers", Answer("Gửi kèm bảng lương", ("bang-luong.pdf", Pdf))));
        var document = Assert.Single(Assert.Single(answered.Requests).Answers.Single().Documents);
        Assert.Equal((Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), "application/pdf"), (document.Sha256, document.ContentType));

        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/requests/1/review", new { accept = true }));
        var evidence = new object[]
        {
            new { kind = "document", id = document.Sha256 },
            new { kind = "flag", id = flag.Flag.FlagId },
            new { kind = "record", id = $"{flag.Evidence[0].RecordId}@v{flag.Evidence[0].Version}" },
        };
        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/findings", new { text = "Dấu hiệu vi phạm được xác nhận qua chứng từ", isViolation = true, evidence }));
        var concluded = await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/conclusion",
            new { outcome = "violation", summary = "Vi phạm được xác nhận", followUps = new[] { new { action = "Khắc phục và báo cáo", dueOn = Days.FromToday(88) } } }));

        Assert.True(concluded.IsLocked);
        Assert.Equal(CaseOutcomes.Violation, concluded.Conclusion!.Outcome);
        var late = await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Thêm", dueOn = Days.FromToday(39) });
        await AssertProblem(late, HttpStatusCode.Conflict, "locked");
        using var downloaded = await inspector.GetAsync($"/api/cases/{id}/documents/{document.Sha256}");
        Assert.Equal(Pdf, await downloaded.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", downloaded.Content.Headers.ContentDisposition?.DispositionType);

        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-case"));
        var trail = (await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=case:{id}&limit=50"))!;
        Assert.Equal(
            ["case.opened", "case.request-sent", "case.request-answered", "case.answer-accepted", "case.finding-recorded", "case.concluded", "document.downloaded"],
            trail.OrderBy(e => e.Sequence).Select(e => e.Event.Action));
        Assert.Equal(["tv-case", "tv-case", target.Enterprise.Code, "tv-case", "tv-case", "tv-case", "tv-case"], trail.OrderBy(e => e.Sequence).Select(e => e.Event.Actor));
        Assert.True((await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify"))!.Intact);
    }

    [Fact]
    public async Task Unlawful_steps_late_answers_bad_uploads_and_other_enterprises_are_refused_and_change_nothing()
    {
        var (inspector, enterprise, target) = await fixture.FlaggedEnterpriseAsync("tv-case-refusals");
        var id = (await Created(await inspector.PostAsJsonAsync("/api/cases", Opening(target.Enterprise.Code)))).Id;
        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Báo cáo tài chính 2025", dueOn = Days.FromToday(18) }));

        await AssertProblem(await inspector.PostAsJsonAsync($"/api/cases/{id}/conclusion", new { outcome = "compliant", summary = "Tuân thủ" }), HttpStatusCode.Conflict, "still awaiting");
        await AssertProblem(await enterprise.PostAsync($"/api/cases/{id}/requests/1/answers", Answer("Tệp chạy", ("bao-cao.pdf", [0x4D, 0x5A, 0x90, 0x00]))), HttpStatusCode.UnsupportedMediaType, "");
        await AssertProblem(await enterprise.PostAsync($"/api/cases/{id}/requests/1/answers", Answer("Quá lớn", ("lon.pdf", [.. Pdf, .. new byte[21 * 1024 * 1024]]))), HttpStatusCode.RequestEntityTooLarge, "");

        var other = (await fixture.Simulator.EnterprisesAsync()).First(e => e.EnterpriseCode != target.Enterprise.Code).EnterpriseCode;
        using var stranger = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", other, enterpriseCode: other));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/cases/{id}/requests/1/answers", Answer("Không phải của tôi", ("x.pdf", Pdf)))).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<List<CaseFile>>("/api/cases"))!);
        using var elsewhere = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-elsewhere", [target.Enterprise.Province == "01" ? "79" : "01"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Tự yêu cầu", dueOn = Days.FromToday(18) })).StatusCode);

        var unchanged = (await inspector.GetFromJsonAsync<CaseFile>($"/api/cases/{id}"))!;
        Assert.Equal((2, RequestStatuses.Awaiting, 0), (unchanged.Version, unchanged.Requests[0].Status, unchanged.Requests[0].Answers.Count));

        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/cancel", new { reason = "Trùng với cuộc thanh tra của Sở Tài chính" }));
        await AssertProblem(await enterprise.PostAsync($"/api/cases/{id}/requests/1/answers", Answer("Muộn", ("muon.pdf", Pdf))), HttpStatusCode.Conflict, "locked");
        await AssertProblem(await inspector.PostAsJsonAsync("/api/cases", Opening("0100109107")), HttpStatusCode.BadRequest, "");
    }

    [Fact]
    public async Task The_enterprise_hears_of_a_request_and_the_inspector_of_its_answer_live_and_no_one_else_does()
    {
        var (inspector, enterprise, target) = await fixture.FlaggedEnterpriseAsync("tv-case-live");
        var code = target.Enterprise.Code;
        var other = (await fixture.Simulator.EnterprisesAsync()).First(e => e.EnterpriseCode != code).EnterpriseCode;
        await using var enterpriseFeed = await NoticesAsync(await fixture.Platform.SignInAsync("enterprise", code, enterpriseCode: code));
        await using var inspectorFeed = await NoticesAsync(await fixture.Platform.SignInAsync("inspector", "tv-case-live", [target.Enterprise.Province]));
        await using var strangerFeed = await NoticesAsync(await fixture.Platform.SignInAsync("enterprise", other, enterpriseCode: other));
        var id = (await Created(await inspector.PostAsJsonAsync("/api/cases", Opening(code)))).Id;

        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Hợp đồng lao động", dueOn = Days.FromToday(20) }));
        var request = await enterpriseFeed.NextAsync(n => n.CaseId == id && n.Action == "case.request-sent");
        await Ok(await enterprise.PostAsync($"/api/cases/{id}/requests/1/answers", Answer("Đã gửi", ("hop-dong.pdf", Pdf))));
        var answer = await inspectorFeed.NextAsync(n => n.CaseId == id && n.Action == "case.request-answered");

        Assert.Equal((1, new DateOnly(2026, 12, 22)), (request.RequestNumber, request.DueOn));
        Assert.Equal((code, 1), (answer.EnterpriseCode, answer.RequestNumber));
        Assert.DoesNotContain(inspectorFeed.Received, n => n.Action == "case.request-sent");
        Assert.DoesNotContain(enterpriseFeed.Received, n => n.Action == "case.request-answered");
        Assert.DoesNotContain(strangerFeed.Received, n => n.CaseId == id);
    }

    [Fact]
    public async Task The_enterprise_answers_in_the_portal_and_the_inspector_s_page_shows_the_answer_live()
    {
        var (inspector, _, target) = await fixture.FlaggedEnterpriseAsync("tv-case-portal");
        var code = target.Enterprise.Code;
        var id = (await Created(await inspector.PostAsJsonAsync("/api/cases", Opening(code)))).Id;
        await Ok(await inspector.PostAsJsonAsync($"/api/cases/{id}/requests", new { text = "Sổ quỹ tiền mặt quý 3/2026", dueOn = Days.FromToday(22) }));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();

        var inspectorPage = await BrowserSession.SignInAsync(browser, fixture.Platform, "inspector", "tv-case-portal", errors, provinces: target.Enterprise.Province);
        await inspectorPage.GotoAsync(new Uri(fixture.Platform.BaseAddress, $"/cases?id={id}").ToString());
        await inspectorPage.WaitForSelectorAsync("#live-status[data-state='connected']");
        await inspectorPage.WaitForSelectorAsync("li.request[data-number='1'][data-status='awaiting']");
        await inspectorPage.EvaluateAsync("() => { window.notReloaded = true; }");

        var enterprisePage = await BrowserSession.SignInAsync(browser, fixture.Platform, "enterprise", code, errors, enterprise: code);
        await enterprisePage.GotoAsync(new Uri(fixture.Platform.BaseAddress, $"/cases?id={id}").ToString());
        await enterprisePage.FillAsync("form.answer-form[data-number='1'] textarea", "Gửi sổ quỹ quý 3");
        await enterprisePage.SetInputFilesAsync("form.answer-form[data-number='1'] input[type=file]",
            new FilePayload { Name = "so-quy-q3.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await enterprisePage.ClickAsync("form.answer-form[data-number='1'] button[type=submit]");
        await enterprisePage.WaitForSelectorAsync("li.request[data-number='1'][data-status='answered']");

        var answered = await inspectorPage.WaitForSelectorAsync("li.request[data-number='1'][data-status='answered'] .answer");
        Assert.Contains("Gửi sổ quỹ quý 3", await answered!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("so-quy-q3.pdf", await inspectorPage.InnerTextAsync("li.request[data-number='1'] button.document"));
        Assert.True(await inspectorPage.EvaluateAsync<bool>("() => window.notReloaded === true"), "the inspector's page reloaded");
        Assert.Null(await enterprisePage.QuerySelectorAsync("form.answer-form"));
        Assert.Empty(errors);
    }

    private Task<CaseNoticeListener> NoticesAsync(string token) => CaseNoticeListener.ConnectAsync(fixture.Platform.BaseAddress, token);

    private static object Opening(string code) => new
    {
        enterpriseCode = code,
        agency = "Thanh tra Sở Tài chính",
        selection = "risk",
        mode = "remote",
        decision = new
        {
            number = "45/QĐ-TTr",
            date = "2026-12-01",
            legalBasis = "Luật Thanh tra 84/2025/QH15",
            scope = "Việc chấp hành pháp luật về thuế và BHXH năm 2026",
            team = new[] { "tv-case", "tv-case-2" },
            deadline = "2026-12-31",
        },
    };

    private static MultipartFormDataContent Answer(string text, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        return form;
    }

    private static async Task<CaseFile> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseFile>())!;
    }

    private static async Task<CaseFile> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseFile>())!;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detailContains, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? string.Empty, StringComparison.Ordinal);
    }
}
