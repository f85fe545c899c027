using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inspection.Api.Apis;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Plans;
using Inspection.TestSupport;

namespace Inspection.EndToEnd.Tests;

/// <summary>The inspection plan through the API and the page: proposed from the live risk queue, warned of another agency's plan, approved, carried out by a case.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PlanTests(PlatformFixture fixture)
{
    private const int Size = 3;

    [Fact]
    public async Task A_plan_proposed_from_the_queue_warns_of_another_agency_s_plan_is_approved_by_leadership_and_carried_out_by_a_case()
    {
        var province = await FlaggedProvinceAsync();
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-plan", [province]));
        var (plan, queue) = await ProposeFromStableQueueAsync(inspector, province, "Thanh tra tỉnh (kế hoạch)", 2027, Size, [PlanTopics.Tax]);

        Assert.Equal(queue.Select(e => e.Code), plan.Entries.Select(e => e.EnterpriseCode));
        Assert.Equal(queue.Select(e => e.RiskScore), plan.Entries.Select(e => e.Reason.RiskScore!.Value));
        Assert.Equal([1, 2, 3], plan.Entries.Select(e => e.Reason.Rank!.Value));
        Assert.All(plan.Entries, e => Assert.Equal((PlanReason.Risk, PlanTopics.Tax, CaseModes.Remote), (e.Reason.Kind, e.Topic, e.Mode)));
        Assert.All(plan.Entries, e => Assert.Empty(e.Conflicts));

        // A second agency plans the riskiest enterprise on the same topic (and on another): the same-topic entry carries the warning.
        using var taxOffice = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-plan-thue", [province]));
        var (rival, _) = await ProposeFromStableQueueAsync(taxOffice, province, "Cục Thuế tỉnh (kế hoạch)", 2027, 1, [PlanTopics.Tax, PlanTopics.Labour]);
        var rivalTax = rival.Entries.Single(e => e.Topic == PlanTopics.Tax);
        Assert.Contains(rivalTax.EnterpriseCode, plan.Entries.Select(e => e.EnterpriseCode));
        Assert.Contains(plan.Id, rivalTax.Conflicts.Select(c => c.PlanId));
        Assert.All(rivalTax.Conflicts, c => Assert.Equal(("Thanh tra tỉnh (kế hoạch)", PlanStatuses.Draft), (c.Agency, c.Status)));
        Assert.Empty(rival.Entries.Single(e => e.Topic == PlanTopics.Labour).Conflicts);
        var byHand = plan.Entries.First(e => e.EnterpriseCode != rivalTax.EnterpriseCode).EnterpriseCode;
        var added = await Ok(await taxOffice.PostAsJsonAsync($"/api/plans/{rival.Id}/entries",
            new { enterpriseCode = byHand, topic = PlanTopics.Tax, plannedIn = "2027-Q3", note = "Hoàn thuế bất thường" }));
        Assert.Contains(plan.Id, added.Entries.Single(e => e.EnterpriseCode == byHand && e.Topic == PlanTopics.Tax).Conflicts.Select(c => c.PlanId));
        var first = (await inspector.GetFromJsonAsync<PlanDetail>($"/api/plans/{plan.Id}"))!;
        foreach (var entry in first.Entries)
        {
            var expected = entry.EnterpriseCode == rivalTax.EnterpriseCode || entry.EnterpriseCode == byHand ? [rival.Id] : Array.Empty<string>();
            Assert.Equal(expected, entry.Conflicts.Select(c => c.PlanId));
        }

        Assert.Equal(2, first.Progress.WithConflict);

        // Bad edits are refused with the field named, and change nothing.
        await AssertInvalid(await inspector.PostAsJsonAsync($"/api/plans/{plan.Id}/entries", new { enterpriseCode = "0100109107", topic = "tax", plannedIn = "2027-Q1", note = "x" }), "enterpriseCode");
        await AssertInvalid(await inspector.PatchAsJsonAsync($"/api/plans/{plan.Id}/entries/1", new { plannedIn = "2029-Q1" }), "plannedIn");
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-plan"));
        var elsewhere = (await fixture.Evidence.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 500, 0), default)).First(e => e.Province != province);
        await AssertInvalid(await admin.PostAsJsonAsync($"/api/plans/{plan.Id}/entries", new { enterpriseCode = elsewhere.Code, topic = "tax", plannedIn = "2027-Q1", note = "Ngoài địa bàn" }), "enterpriseCode");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync($"/api/plans/{plan.Id}/entries", new { enterpriseCode = elsewhere.Code, topic = "tax", plannedIn = "2027-Q1", note = "Ngoài thẩm quyền" })).StatusCode);
        var changed = await Ok(await inspector.PatchAsJsonAsync($"/api/plans/{plan.Id}/entries/3", new { mode = CaseModes.Hybrid, plannedIn = "2027-11" }));
        Assert.Equal((CaseModes.Hybrid, "2027-11", 2), (changed.Entries[2].Mode, changed.Entries[2].PlannedIn, changed.Version));

        // Outside the jurisdiction, an enterprise account, and an inspector approving are all refused.
        var otherProvince = elsewhere.Province;
        using var stranger = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-plan-stranger", [otherProvince]));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/plans/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync("/api/plans", Proposal("Thanh tra khác", province, 2027, 2, [PlanTopics.Tax]))).StatusCode);
        Assert.DoesNotContain(plan.Id, (await stranger.GetFromJsonAsync<List<InspectionPlan>>("/api/plans"))!.Select(p => p.Id));
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", queue[0].Code, enterpriseCode: queue[0].Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync($"/api/plans/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync("/api/plans", Proposal("Doanh nghiệp", province, 2027, 1, [PlanTopics.Tax]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsync($"/api/plans/{plan.Id}/approve", null)).StatusCode);

        // Leadership approves; the plan is locked; a case carries out its first entry and the progress counts it.
        using var leadership = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-plan"));
        var approved = await Ok(await leadership.PostAsync($"/api/plans/{plan.Id}/approve", null));
        Assert.Equal((PlanStatuses.Approved, "ld-plan"), (approved.Status, approved.ApprovedBy));
        var locked = await inspector.DeleteAsync($"/api/plans/{plan.Id}/entries/1");
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        var opened = await inspector.PostAsJsonAsync("/api/cases", Opening(queue[0].Code, new { planId = plan.Id, entryNumber = 1 }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var file = (await opened.Content.ReadFromJsonAsync<CaseFile>())!;
        Assert.Equal(new PlanReference(plan.Id, 1), file.Plan);
        Assert.Equal(HttpStatusCode.Conflict, (await inspector.PostAsJsonAsync("/api/cases", Opening(queue[0].Code, new { planId = plan.Id, entryNumber = 1 }))).StatusCode);
        await AssertInvalid(await inspector.PostAsJsonAsync("/api/cases", Opening(queue[1].Code, new { planId = plan.Id, entryNumber = 1 })), "plan");
        await AssertInvalid(await taxOffice.PostAsJsonAsync("/api/cases", Opening(queue[0].Code, new { planId = rival.Id, entryNumber = 1 })), "plan");
        var done = (await leadership.GetFromJsonAsync<PlanDetail>($"/api/plans/{plan.Id}"))!;
        Assert.Equal(new PlanProgress(3, 1, 0, 2), done.Progress);
        Assert.Equal([file.Id], done.Entries[0].Cases.Select(c => c.CaseId));

        var trail = (await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=plan:{plan.Id}&limit=50"))!.OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["plan.proposed", "plan.entry-changed", "plan.approved"], trail.Select(e => e.Event.Action));
        Assert.Equal(["tv-plan", "tv-plan", "ld-plan"], trail.Select(e => e.Event.Actor));
        Assert.True((await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify"))!.Intact);
    }

    [Fact]
    public async Task The_plans_page_shows_a_proposed_plan_with_its_reasons_and_the_warning_of_another_agency_s_plan()
    {
        var province = await FlaggedProvinceAsync();
        using var provincial = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-plan-page-1", [province]));
        var first = await Created(await provincial.PostAsJsonAsync("/api/plans", Proposal("Sở Lao động (trang)", province, 2028, 2, [PlanTopics.SocialInsurance])));
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(fixture.Platform.BaseAddress.ToString());
        await page.SelectOptionAsync("#signin-role", "inspector");
        await page.FillAsync("#signin-subject", "tv-plan-page-2");
        await page.FillAsync("#signin-provinces", province);
        await page.ClickAsync("#signin-submit");
        await page.WaitForSelectorAsync("#session-info:not([hidden])");

        await page.ClickAsync("#nav-plans");
        await page.WaitForSelectorAsync($"#plans-body tr[data-plan-id='{first.Id}']");
        await page.FillAsync("#propose-agency", "BHXH tỉnh (trang)");
        await page.FillAsync("#propose-year", "2028");
        await page.FillAsync("#propose-provinces", province);
        await page.UncheckAsync("#propose-topics input[value='tax']");
        await page.CheckAsync("#propose-topics input[value='social-insurance']");
        await page.FillAsync("#propose-size", "1");
        await page.ClickAsync("#propose-submit");

        var warned = await page.WaitForSelectorAsync("#plan-entries tr.entry.has-conflict[data-number='1']");
        var code = await warned!.GetAttributeAsync("data-enterprise-code");
        Assert.Contains(code, first.Entries.Select(e => e.EnterpriseCode));
        Assert.Contains("Theo rủi ro: hạng 1", await warned.InnerTextAsync(), StringComparison.Ordinal);
        var warning = await page.InnerTextAsync("#plan-entries tr.conflict-row[data-number='1']");
        Assert.Contains("Sở Lao động (trang)", warning, StringComparison.Ordinal);
        Assert.Contains(first.Title, warning, StringComparison.Ordinal);
        Assert.Contains("1 có cảnh báo trùng lặp", await page.InnerTextAsync("#plan-progress"), StringComparison.Ordinal);
        Assert.Equal($"/enterprise?code={code}", await page.GetAttributeAsync("#plan-entries tr.entry[data-number='1'] a.open-case", "href"));
        await page.ClickAsync("#lang-en");
        await page.WaitForSelectorAsync("#plan-entries tr.conflict-row[data-number='1']:has-text('already plans this enterprise')");
        Assert.Empty(errors);
    }

    /// <summary>A province whose queue has at least <see cref="Size"/> enterprises and flags in it.</summary>
    private async Task<string> FlaggedProvinceAsync()
    {
        var flags = await Eventually.Until(
            async () => (await fixture.Evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 200), default)).ToList(),
            found => found.Count > 0, TimeSpan.FromMinutes(2), found => $"{found.Count} flags");
        return flags.GroupBy(f => f.Province).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>
    /// Proposes while the queue holds still: the queue's top of the province read before and after the
    /// proposal must agree, since scores move as the registries publish; the plan is then what that queue said.
    /// </summary>
    private static async Task<(PlanDetail Plan, IReadOnlyList<EnterpriseListing> Queue)> ProposeFromStableQueueAsync(
        HttpClient inspector, string province, string agency, int year, int size, string[] topics)
    {
        var attempt = await Eventually.Until(
            async () =>
            {
                var before = await QueueAsync(inspector, province, size);
                var plan = await Created(await inspector.PostAsJsonAsync("/api/plans", Proposal(agency, province, year, size, topics)));
                var after = await QueueAsync(inspector, province, size);
                return (Plan: plan, Before: before, After: after);
            },
            a => a.Before.Select(e => (e.Code, e.RiskScore)).SequenceEqual(a.After.Select(e => (e.Code, e.RiskScore))),
            TimeSpan.FromMinutes(1),
            a => $"the queue moved: {string.Join(",", a.Before.Select(e => e.Code))} then {string.Join(",", a.After.Select(e => e.Code))}");
        return (attempt.Plan, attempt.Before);
    }

    private static async Task<IReadOnlyList<EnterpriseListing>> QueueAsync(HttpClient client, string province, int size) =>
        (await client.GetFromJsonAsync<List<EnterpriseListing>>($"/api/enterprises?province={province}&limit={size}"))!;

    private static object Proposal(string agency, string province, int year, int size, string[] topics) =>
        new { agency, year, provinces = new[] { province }, topics, size };

    private static object Opening(string code, object plan) => new
    {
        enterpriseCode = code,
        agency = "Thanh tra tỉnh (kế hoạch)",
        selection = "plan",
        mode = "remote",
        plan,
        decision = new
        {
            number = "07/QĐ-TTr",
            date = "2027-01-15",
            legalBasis = "Luật Thanh tra 84/2025/QH15; kế hoạch thanh tra năm 2027",
            scope = "Việc chấp hành pháp luật về thuế",
            team = new[] { "tv-plan" },
            deadline = "2027-03-15",
        },
    };

    private static async Task<PlanDetail> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanDetail>())!;
    }

    private static async Task<PlanDetail> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanDetail>())!;
    }

    private static async Task AssertInvalid(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
