using System.Net;
using System.Net.Http.Json;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Ratio;
using Inspection.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>The remote-check ratio over the platform's own cases, through the API, within each caller's scope.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RatioTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Leadership_sees_the_ratio_and_hit_rates_by_province_and_an_inspector_only_their_own()
    {
        var store = fixture.Platform.Services.GetRequiredService<ICaseStore>();
        (string Province, string Mode, string Selection, string Outcome, int Month)[] seeded =
        [
            ("01", CaseModes.Remote, CaseSelections.Risk, CaseOutcomes.Violation, 2),
            ("01", CaseModes.Remote, CaseSelections.Plan, CaseOutcomes.Compliant, 5),
            ("01", CaseModes.OnSite, CaseSelections.Risk, CaseOutcomes.Compliant, 8),
            ("79", CaseModes.Hybrid, CaseSelections.Risk, CaseOutcomes.Referral, 11),
        ];
        for (var i = 0; i < seeded.Length; i++)
        {
            var (province, mode, selection, outcome, month) = seeded[i];
            var at = new DateTimeOffset(2024, month, 10, 3, 0, 0, TimeSpan.Zero);
            var file = new CaseFile(
                Guid.CreateVersion7().ToString("N"), "0100109106", province, "trade", "Thanh tra tỉnh", selection,
                new CaseDecision($"{i}/QĐ-TTr", DateOnly.FromDateTime(at.UtcDateTime.AddDays(-10)), "Luật Thanh tra 84/2025/QH15", "Thuế", ["tv-ratio"], DateOnly.FromDateTime(at.UtcDateTime.AddDays(20))),
                mode, [], CaseStatuses.Concluded, [], [], new CaseConclusion(outcome, "Kết luận", [], at, "tv-ratio"), null, at.AddDays(-10), "tv-ratio", 1);
            await store.RecordAsync(file, "case.concluded", new CaseActor("tv-ratio", "inspector"), at, new Dictionary<string, string?>(), default);
        }

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
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", "0100109106", enterpriseCode: "0100109106"));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/ratio")).StatusCode);
    }
}
