using System.Net;
using System.Net.Http.Json;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Models;
using Microsoft.Playwright;

namespace Inspection.EndToEnd.Tests;

/// <summary>The risk models trained on the simulated agency's enterprises and past outcomes, and the queue they rank.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskModelTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Trained_on_the_simulator_s_outcomes_the_supervised_model_reports_its_cross_validated_auc()
    {
        var summary = await fixture.TrainedModelsAsync();

        Assert.True(summary.Enterprises >= 250, $"{summary.Enterprises} enterprises");
        Assert.True(summary.SupervisedStepsAsideBecause is null, summary.ToString());
        Assert.StartsWith("peer-groups/1:", summary.AnomalyModelVersion);
        Assert.True(summary.PeerGroups > 0);
        Assert.StartsWith("fasttree-", summary.SupervisedModelVersion);
        Assert.True(summary.Outcomes >= 100, $"{summary.Outcomes} outcomes");
        Assert.True(summary.CrossValidatedAuc > 0.7, $"cross-validated AUC {summary.CrossValidatedAuc}");
        using var leadership = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-models"));
        var reported = await leadership.GetFromJsonAsync<RiskModelStatus>("/api/models");
        Assert.Equal(summary.SupervisedModelVersion, reported!.Latest!.SupervisedModelVersion);
        Assert.Equal(summary.CrossValidatedAuc, reported.Latest.CrossValidatedAuc);
    }

    [Fact]
    public async Task The_queue_is_ordered_by_risk_and_every_ranked_enterprise_says_why()
    {
        var summary = await fixture.TrainedModelsAsync();
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-queue"));

        var queue = (await admin.GetFromJsonAsync<List<EnterpriseListing>>("/api/enterprises?limit=500"))!;

        Assert.Equal(queue.OrderByDescending(e => e.RiskScore).ThenBy(e => e.Code, StringComparer.Ordinal).Select(e => e.Code), queue.Select(e => e.Code));
        Assert.All(queue.Where(e => e.RiskScore >= 0.1), e => Assert.NotEmpty(e.Reasons!));
        Assert.All(queue, e => Assert.Equal(e.Reasons!.OrderByDescending(r => r.Weight).Select(r => r.Weight), e.Reasons!.Select(r => r.Weight)));
        var planted = await fixture.Simulator.GroundTruthAsync();
        foreach (var violation in planted.Take(10))
        {
            var listed = queue.Single(e => e.Code == violation.EnterpriseCode);
            Assert.Contains(listed.Reasons!, r => r.Kind == RiskReason.Flag && r.Code == violation.RuleId);
        }

        var reasons = queue.SelectMany(e => e.Reasons!).ToList();
        Assert.Contains(reasons, r => r.Kind == RiskReason.Model && r.Detail == summary.SupervisedModelVersion && r.Value is > 0 and < 1);
        Assert.Contains(reasons, r => r.Kind == RiskReason.Anomaly && r.Detail is not null && r.Value is not null && r.Reference is not null);
        // A reason's weight is what it alone adds, so no enterprise scores below its strongest reason.
        Assert.All(queue.Where(e => e.Reasons!.Count > 0), e => Assert.True(e.RiskScore >= e.Reasons![0].Weight - 0.001, $"{e.Code}: {e.RiskScore} below {e.Reasons![0].Weight}"));
        // An anomaly is the exception: only the most unusual tenth among peers counts, and few months break with the enterprise's own past.
        var unusual = queue.Count(e => e.Reasons!.Any(r => r.Kind == RiskReason.Anomaly));
        var changed = queue.Count(e => e.Reasons!.Any(r => r.Kind == RiskReason.History));
        Assert.True(unusual <= queue.Count * 0.15, $"{unusual} of {queue.Count} unusual among their peers");
        Assert.True(changed <= queue.Count * 0.15, $"{changed} of {queue.Count} unusual against their own past");
        // The model lifts enterprises without a flag: the risk score is more than the rules' part.
        Assert.Contains(queue, e => e.OpenFlags == 0 && e.RiskScore > 0);
    }

    [Fact]
    public async Task Only_an_administrator_trains_the_models_and_each_request_is_audited()
    {
        await fixture.TrainedModelsAsync();
        var someone = (await fixture.Simulator.EnterprisesAsync())[0];
        using var inspector = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("inspector", "tv-models", [someone.Province]));
        using var enterprise = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("enterprise", "dn-models", enterpriseCode: someone.EnterpriseCode));
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-models-audit"));

        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsync("/api/models/train", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/models")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync("/api/models")).StatusCode);
        var audit = await admin.GetFromJsonAsync<List<AuditEntry>>("/api/audit?action=models.training-requested&limit=10");
        Assert.Contains(audit!, entry => entry.Event.Actor == "ops-models");
        Assert.DoesNotContain(audit!, entry => entry.Event.Actor == "tv-models");
    }

    [Fact]
    public async Task The_dashboard_ranking_shows_each_enterprise_s_reasons_and_the_model_s_auc()
    {
        var summary = await fixture.TrainedModelsAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(fixture.Platform.BaseAddress.ToString());
        await page.SelectOptionAsync("#signin-role", "leadership");
        await page.FillAsync("#signin-subject", "ld-ranking");
        await page.ClickAsync("#signin-submit");
        var firstReason = await page.WaitForSelectorAsync("#enterprise-ranking tr:first-child li.reason");
        var auc = await page.WaitForSelectorAsync("#model-auc");

        Assert.Contains("Lý do xếp hạng", await page.InnerTextAsync("#ranking-panel thead"), StringComparison.Ordinal);
        // As the page writes a number in Vietnamese: a decimal comma, up to three decimals.
        var written = Math.Round(summary.CrossValidatedAuc!.Value, 3).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
        Assert.Contains($"AUC kiểm định chéo {written}", await auc!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("điểm rủi ro", await firstReason!.GetAttributeAsync("title") ?? string.Empty, StringComparison.Ordinal);
        var flagReason = await page.QuerySelectorAsync("#enterprise-ranking li.reason-flag");
        Assert.NotNull(flagReason);
        Assert.Contains("dấu hiệu", await flagReason.InnerTextAsync(), StringComparison.Ordinal);

        await page.ClickAsync("#lang-en");
        await page.WaitForSelectorAsync("#ranking-panel th:has-text('Why ranked here')");
        Assert.Contains("cross-validated AUC", await page.InnerTextAsync("#model-summary"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}

/// <summary>The models train on their own schedule, without anyone asking.</summary>
public sealed class RiskModelScheduleTests : IDisposable
{
    private readonly SqliteEvidence _evidence = new();

    public void Dispose() => _evidence.Dispose();

    [Fact]
    public async Task The_first_scheduled_training_comes_after_the_configured_delay()
    {
        await using var simulator = await SimulatorHost.StartAsync(new Inspection.RegistrySimulator.SimulatorOptions { EnterpriseCount = 40 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            ["Models:Scheduled"] = "true",
            ["Models:FirstTraining"] = "00:00:05",
            ["Models:TrainingInterval"] = "00:01:00",
        });
        using var leadership = platform.CreateClient(await platform.SignInAsync("leadership", "ld-schedule"));

        var status = await Inspection.TestSupport.Eventually.Until(
            async () => (await leadership.GetFromJsonAsync<RiskModelStatus>("/api/models"))!,
            s => s.Latest is { Enterprises: > 0 },
            TimeSpan.FromSeconds(90),
            s => $"training {s.Training}, no summary yet");

        Assert.True(status.Latest!.Enterprises > 0);
        // Forty enterprises and no outcomes: the supervised model steps aside and says so.
        Assert.Null(status.Latest.SupervisedModelVersion);
        Assert.Contains("past inspection outcomes", status.Latest.SupervisedStepsAsideBecause);
    }
}
