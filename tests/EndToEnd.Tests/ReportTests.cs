using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;
using Inspection.Contracts.Reports;
using Inspection.TestSupport;
using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// An enterprise reports its month of wastewater once, through the API and in the portal: pre-filled
/// from the station's data, rejected field by field, asked to explain a difference, then received with a
/// receipt; the difference from the registry becomes a flag through the rule pack.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportTests(PlatformFixture fixture)
{
    private const string Template = "wastewater-monthly";

    [Fact]
    public async Task A_report_is_prefilled_checked_explained_received_and_its_difference_from_the_station_is_flagged()
    {
        var (code, province, station) = await StationAsync(skip: 0);
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", $"kt-{code}", enterpriseCode: code));
        var measured = double.Parse(station.Fields["dischargeM3"]!, CultureInfo.InvariantCulture);

        var prefill = (await enterprise.GetFromJsonAsync<ReportPrefill>($"/api/reports/prefill?template={Template}&period={station.Period}"))!;
        var discharge = prefill.Values["dischargeM3"];
        Assert.Equal((measured, RegistryIds.Environment, station.Reference), (double.Parse(discharge.Value, CultureInfo.InvariantCulture), discharge.Registry, Assert.Single(discharge.Records)));
        Assert.Null(prefill.ReceiptNumber);

        var rejected = await enterprise.PostAsJsonAsync("/api/reports", Body(station.Period!, Values(measured, ("phMin", "9.1"), ("codAvg", null))));
        var problem = await Problem(rejected, HttpStatusCode.BadRequest);
        Assert.Equal(["codAvg", "phMin"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ph-range", problem.GetProperty("reportErrors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "phMin").GetProperty("checkId").GetString());
        Assert.Empty((await enterprise.GetFromJsonAsync<List<ReportReceipt>>("/api/reports"))!);

        var halved = Math.Round(measured / 2);
        var questioned = await Problem(await enterprise.PostAsJsonAsync("/api/reports", Body(station.Period!, Values(halved))), HttpStatusCode.UnprocessableEntity);
        var question = Assert.Single(questioned.GetProperty("questions").EnumerateArray());
        Assert.Equal(("discharge-vs-station", "dischargeM3"), (question.GetProperty("checkId").GetString(), question.GetProperty("field").GetString()));
        Assert.Empty((await enterprise.GetFromJsonAsync<List<ReportReceipt>>("/api/reports"))!);

        var explanation = new Dictionary<string, string> { ["discharge-vs-station"] = "Đồng hồ lưu lượng của trạm hỏng từ giữa tháng." };
        var created = await enterprise.PostAsJsonAsync("/api/reports", Body(station.Period!, Values(halved), explanation));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<ReportReceipt>())!;
        Assert.Equal($"/api/reports/{receipt.Number}", created.Headers.Location?.OriginalString);
        Assert.StartsWith("BN-", receipt.Number, StringComparison.Ordinal);
        Assert.Equal((code, Template, station.Period, 1, ReportChannels.Api), (receipt.EnterpriseCode, receipt.TemplateId, receipt.Period, receipt.Version, receipt.Channel));
        Assert.Equal(ReportReceiptHash.Compute(receipt), receipt.Sha256);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow) > receipt.DueDate, receipt.Late);
        Assert.Equal(explanation, receipt.Explanations);

        var flags = await fixture.Evidence.ListFlagsAsync(new FlagQuery(null, null, code, null, null, 100), default);
        var flag = Assert.Single(flags, f => f.RuleId == "SELF-REPORT-DISCHARGE-BELOW-STATION");
        Assert.Equal([$"{receipt.RecordId}@v1", station.Reference], flag.RecordReferences);
        Assert.Equal(station.Period, flag.Period);
        var obligation = (await enterprise.GetFromJsonAsync<List<ReportObligation>>("/api/reports/obligations"))!.Single(o => o.Period == station.Period);
        Assert.Equal((receipt.Late ? ReportObligationStatuses.ReceivedLate : ReportObligationStatuses.Received, receipt.Number), (obligation.Status, obligation.ReceiptNumber));
        Assert.Equal(receipt.Number, (await enterprise.GetFromJsonAsync<ReportPrefill>($"/api/reports/prefill?template={Template}&period={station.Period}"))!.ReceiptNumber);

        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-reports"));
        var entry = Assert.Single((await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?subject=report:{receipt.Number}"))!);
        Assert.Equal(($"kt-{code}", "report.received", receipt.Sha256), (entry.Event.Actor, entry.Event.Action, entry.Event.Details["sha256"]));
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-reports", [province]));
        Assert.Equal(receipt.Sha256, (await inspector.GetFromJsonAsync<ReportReceipt>($"/api/reports/{receipt.Number}"))!.Sha256);
        var records = (await inspector.GetFromJsonAsync<List<RegistryRecord>>($"/api/enterprises/{code}/records?registry={ReportRecords.Registry}"))!;
        Assert.Equal(receipt.Number, Assert.Single(records).Provenance.RequestId);
    }

    [Fact]
    public async Task Another_enterprise_an_outside_inspector_and_malformed_reports_are_refused_and_change_nothing()
    {
        var (code, province, station) = await StationAsync(skip: 1);
        var other = (await fixture.Evidence.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 300, 0), default)).First(e => e.Code != code && e.Province != province);
        using var owner = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", code, enterpriseCode: code));
        using var stranger = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", other.Code, enterpriseCode: other.Code));
        using var outside = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-outside", [other.Province]));
        var measured = double.Parse(station.Fields["dischargeM3"]!, CultureInfo.InvariantCulture);
        var created = await owner.PostAsJsonAsync("/api/reports", Body(station.Period!, Values(measured)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<ReportReceipt>())!;

        await Problem(await stranger.GetAsync($"/api/reports/{receipt.Number}"), HttpStatusCode.NotFound);
        Assert.Empty((await stranger.GetFromJsonAsync<List<ReportReceipt>>("/api/reports"))!);
        await Problem(await stranger.PostAsJsonAsync("/api/reports", new { enterpriseCode = code, template = Template, period = station.Period, values = new { } }), HttpStatusCode.Forbidden);
        await Problem(await outside.GetAsync($"/api/reports/{receipt.Number}"), HttpStatusCode.Forbidden);
        await Problem(await outside.GetAsync($"/api/reports/prefill?template={Template}&period={station.Period}&enterprise={code}"), HttpStatusCode.Forbidden);
        Assert.Empty((await outside.GetFromJsonAsync<List<ReportReceipt>>($"/api/reports?enterprise={code}"))!);

        await Problem(await owner.PostAsJsonAsync("/api/reports", Body(station.Period!, new Dictionary<string, object?> { ["dischargeM3"] = new { m3 = 1 } })), HttpStatusCode.BadRequest);
        await Problem(await owner.PostAsJsonAsync("/api/reports", new { template = "tax-return", period = station.Period, values = new { } }), HttpStatusCode.NotFound);
        await Problem(await owner.PostAsJsonAsync("/api/reports", Body("2026-13", Values(measured))), HttpStatusCode.BadRequest);
        var future = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var notOver = await Problem(await owner.PostAsJsonAsync("/api/reports", Body(future, Values(measured))), HttpStatusCode.BadRequest);
        Assert.True(notOver.GetProperty("errors").TryGetProperty("period", out _));
        using var oversized = new StringContent($"{{\"template\":\"{Template}\",\"period\":\"{station.Period}\",\"values\":{{\"note\":\"{new string('x', 300_000)}\"}}}}", Encoding.UTF8, "application/json");
        await Problem(await owner.PostAsync("/api/reports", oversized), HttpStatusCode.RequestEntityTooLarge);
        using var malformed = new StringContent("{\"template\": \"wastewater-monthly\", \"values\": {", Encoding.UTF8, "application/json");
        await Problem(await owner.PostAsync("/api/reports", malformed), HttpStatusCode.BadRequest);

        Assert.Equal([receipt.Number], (await owner.GetFromJsonAsync<List<ReportReceipt>>("/api/reports"))!.Select(r => r.Number));
    }

    [Fact]
    public async Task The_compliance_officer_fills_the_prefilled_form_mends_a_rejected_field_and_keeps_the_receipt()
    {
        var (code, _, station) = await StationAsync(skip: 2);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await BrowserSession.SignInAsync(browser, fixture.Platform, "enterprise", code, errors, enterprise: code);

        await page.WaitForSelectorAsync("#app-nav:not([hidden])");
        await page.ClickAsync("#nav-reports");
        await page.ClickAsync($"#obligations-body tr[data-period='{station.Period}'] button.open-report");
        var discharge = await page.WaitForSelectorAsync("#field-dischargeM3");
        Assert.Equal(double.Parse(station.Fields["dischargeM3"]!, CultureInfo.InvariantCulture), double.Parse(await discharge!.InputValueAsync(), CultureInfo.InvariantCulture));
        Assert.NotNull(await page.QuerySelectorAsync(".form-field[data-field='dischargeM3'] .prefilled"));
        foreach (var (field, value) in new[] { ("codAvg", "58"), ("tssAvg", "31"), ("phMin", "8.2"), ("phMax", "7.4"), ("operatingDays", "30"), ("incidents", "0") })
        {
            await page.FillAsync($"#field-{field}", value);
        }

        await page.ClickAsync("#report-submit");
        var error = await page.WaitForSelectorAsync(".field-error[data-field='phMin']:not(:empty)");
        Assert.Contains("pH thấp nhất (8,2) không được lớn hơn pH cao nhất (7,4)", await error!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Null(await page.QuerySelectorAsync("#report-receipt .receipt"));

        await page.FillAsync("#field-phMin", "6.9");
        await page.ClickAsync("#report-submit");
        var receipt = await page.WaitForSelectorAsync("#report-receipt .receipt");
        var number = (await receipt!.GetAttributeAsync("data-number"))!;
        await page.WaitForSelectorAsync($"#obligations-body tr[data-period='{station.Period}'][data-status^='received']");

        using var owner = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", code, enterpriseCode: code));
        var stored = (await owner.GetFromJsonAsync<ReportReceipt>($"/api/reports/{number}"))!;
        Assert.Equal((ReportChannels.Portal, "6.9", "7.4"), (stored.Channel, stored.Values["phMin"], stored.Values["phMax"]));
        Assert.Equal(stored.Sha256, await page.InnerTextAsync("#report-receipt .sha256"));
        Assert.Empty(errors);
    }

    /// <summary>
    /// An enterprise whose station reported a month that has ended, with a positive discharge: the
    /// <paramref name="skip"/>-th such enterprise, so that each test reports for its own.
    /// </summary>
    private async Task<(string Code, string Province, RegistryRecord Station)> StationAsync(int skip)
    {
        var found = await Eventually.Until(StationMonthsAsync, found => found.Count > skip, TimeSpan.FromMinutes(2),
            found => $"only {found.Count} enterprises have a station month to report");
        return found[skip];
    }

    private async Task<List<(string Code, string Province, RegistryRecord Station)>> StationMonthsAsync()
    {
        var thisMonth = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var enterprises = await fixture.Evidence.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 300, 0), default);
        var found = new List<(string, string, RegistryRecord)>();
        foreach (var listing in enterprises.OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            var months = await fixture.Evidence.ListRecordsAsync(new RecordQuery(listing.Code, RegistryIds.Environment, null, null, 100), default);
            var station = months.Where(r => string.CompareOrdinal(r.Period, thisMonth) < 0 && double.Parse(r.Fields["dischargeM3"]!, CultureInfo.InvariantCulture) > 100)
                .MaxBy(r => r.Period, StringComparer.Ordinal);
            if (station is not null)
            {
                found.Add((listing.Code, listing.Province, station));
            }
        }

        return found;
    }

    private static object Body(string period, Dictionary<string, object?> values, Dictionary<string, string>? explanations = null) =>
        new { template = Template, period, values, explanations };

    private static Dictionary<string, object?> Values(double discharge, params (string Field, string? Value)[] changes)
    {
        var values = new Dictionary<string, object?>
        {
            ["dischargeM3"] = discharge, ["codAvg"] = 61.2, ["tssAvg"] = "30", ["phMin"] = 6.8, ["phMax"] = 7.9, ["operatingDays"] = 25, ["incidents"] = 0,
        };
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return values;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
