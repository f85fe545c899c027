using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inspection.Api.Apis;
using Inspection.Contracts.Audit;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Outcomes;
using Inspection.Contracts.Ratio;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>Importing the agency's past inspection outcomes, for the supervised risk model.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OutcomesTests(PlatformFixture fixture)
{
    [Fact]
    public async Task An_administrator_imports_outcomes_once_and_the_import_is_audited()
    {
        var enterprises = (await fixture.Simulator.EnterprisesAsync()).Take(3).ToList();
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-outcomes"));
        object[] batch =
        [
            new { enterpriseCode = enterprises[0].EnterpriseCode, decidedOn = "2026-03-14", violationFound = true },
            new { enterpriseCode = enterprises[1].EnterpriseCode, decidedOn = "2026-05-02", violationFound = false },
            new { enterpriseCode = enterprises[2].EnterpriseCode, decidedOn = "2025-12-09", violationFound = true },
        ];

        var first = await (await admin.PostAsJsonAsync("/api/outcomes", batch)).Content.ReadFromJsonAsync<OutcomeImportResult>();
        var again = await (await admin.PostAsJsonAsync("/api/outcomes", batch)).Content.ReadFromJsonAsync<OutcomeImportResult>();

        Assert.Equal(new OutcomeImportResult(3, 3, 0), first);
        Assert.Equal(new OutcomeImportResult(3, 0, 3), again);
        var stored = await fixture.Platform.Services.GetRequiredService<IInspectionOutcomes>().ListAsync(default);
        Assert.Contains(new InspectionOutcomeRecord(enterprises[0].EnterpriseCode, new DateOnly(2026, 3, 14), true, OutcomesApi.ImportSource), stored);
        var audit = await admin.GetFromJsonAsync<List<AuditEntry>>("/api/audit?action=outcomes.imported&limit=10");
        Assert.Contains(audit!, entry => entry.Event.Actor == "ops-outcomes" && entry.Event.Details["imported"] == "3");
    }

    [Fact]
    public async Task An_invalid_batch_is_refused_whole_with_an_error_per_field_and_nothing_is_stored()
    {
        var store = fixture.Platform.Services.GetRequiredService<IInspectionOutcomes>();
        var before = (await store.ListAsync(default)).Count;
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-outcomes-bad"));
        var code = (await fixture.Simulator.EnterprisesAsync())[5].EnterpriseCode;
        object[] batch =
        [
            new { enterpriseCode = code, decidedOn = "2026-03-14", violationFound = true },
            new { enterpriseCode = "0314409057", decidedOn = "2026-03-14", violationFound = true },
            new { enterpriseCode = code, decidedOn = "2999-01-01" },
        ];

        var response = await admin.PostAsJsonAsync("/api/outcomes", batch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["[1].enterpriseCode", "[2].decidedOn", "[2].violationFound"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, (await store.ListAsync(default)).Count);
    }

    [Fact]
    public async Task Only_an_administrator_imports_and_a_batch_over_the_limit_is_refused()
    {
        using var leadership = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("leadership", "ld-outcomes"));
        using var admin = fixture.Platform.CreateClient(await fixture.Platform.SignInAsync("admin", "ops-outcomes-big"));
        var code = (await fixture.Simulator.EnterprisesAsync())[0].EnterpriseCode;
        var one = new[] { new { enterpriseCode = code, decidedOn = "2026-01-05", violationFound = false } };

        Assert.Equal(HttpStatusCode.Forbidden, (await leadership.PostAsJsonAsync("/api/outcomes", one)).StatusCode);
        var tooMany = Enumerable.Repeat(one[0], OutcomesApi.MaxBatch + 1).ToArray();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await admin.PostAsJsonAsync("/api/outcomes", tooMany)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/outcomes", Array.Empty<object>())).StatusCode);
    }
}

/// <summary>The embedded default: the simulated agency's past outcomes are there from the start.</summary>
public sealed class EmbeddedOutcomesTests : IDisposable
{
    private readonly SqliteEvidence _evidence = new();

    public void Dispose() => _evidence.Dispose();

    /// <summary>The platform with its own embedded simulator, on this test's data directory.</summary>
    private Dictionary<string, string?> EmbeddedSettings() => new()
    {
        ["Storage:DataDirectory"] = _evidence.DataDirectory,
        ["Simulator:Enabled"] = "true",
        ["Simulator:Url"] = "http://127.0.0.1:0",
        ["Simulator:EnterpriseCount"] = "250",
    };

    [Fact]
    public async Task The_embedded_simulator_s_past_outcomes_are_imported_at_start_once()
    {
        await using var unused = await SimulatorHost.StartAsync(new Inspection.RegistrySimulator.SimulatorOptions { EnterpriseCount = 10 });
        var settings = EmbeddedSettings();

        int imported;
        await using (var platform = await PlatformHost.StartAsync(unused, settings))
        {
            var simulated = platform.Services.GetRequiredService<Inspection.Silo.Hosting.EmbeddedSimulator>().Outcomes;
            var stored = await platform.Services.GetRequiredService<IInspectionOutcomes>().ListAsync(default);
            Assert.NotEmpty(simulated);
            Assert.Equal(simulated.Select(o => (o.EnterpriseCode, o.DecidedOn, o.ViolationFound)).Order(), stored.Select(o => (o.EnterpriseCode, o.DecidedOn, o.ViolationFound)).Order());
            imported = stored.Count;
        }

        await using var restarted = await PlatformHost.StartAsync(unused, settings);
        Assert.Equal(imported, (await restarted.Services.GetRequiredService<IInspectionOutcomes>().ListAsync(default)).Count);
    }

    [Fact]
    public async Task The_embedded_simulator_s_past_inspections_are_kept_as_concluded_cases_that_the_ratio_counts()
    {
        await using var unused = await SimulatorHost.StartAsync(new Inspection.RegistrySimulator.SimulatorOptions { EnterpriseCount = 10 });
        var settings = EmbeddedSettings();

        await using var platform = await PlatformHost.StartAsync(unused, settings);
        var simulated = platform.Services.GetRequiredService<Inspection.Silo.Hosting.EmbeddedSimulator>().Outcomes;
        var cases = platform.Services.GetRequiredService<ICaseQueries>();
        var closed = await Eventually.Until(
            () => cases.ListClosedCasesAsync(null, null, null, default), found => found.Count == simulated.Count, TimeSpan.FromMinutes(2),
            found => $"{found.Count} of {simulated.Count} past inspections kept as cases");
        Assert.Equal(
            simulated.Select(o => (o.EnterpriseCode, o.Province, o.Sector, o.Mode, o.Selection, o.ViolationFound ? CaseOutcomes.Violation : CaseOutcomes.Compliant)).Order(),
            closed.Select(c => (c.EnterpriseCode, c.Province, c.Sector, c.Mode, c.Selection, c.Conclusion!.Outcome)).Order());
        Assert.All(closed, c => Assert.True(c.IsLocked));
        Assert.Contains(closed, c => c.Mode == CaseModes.Remote);
        Assert.Contains(closed, c => c.Mode == CaseModes.OnSite);

        using var leadership = platform.CreateClient(await platform.SignInAsync("leadership", "ld-history"));
        var rows = (await leadership.GetFromJsonAsync<List<RatioRow>>("/api/ratio?groupBy=all&period=year"))!;
        Assert.Equal(simulated.Count, rows.Sum(r => r.Checks));
        Assert.Equal(simulated.Count(o => o.Mode == CaseModes.Remote), rows.Sum(r => r.Remote));
    }
}
