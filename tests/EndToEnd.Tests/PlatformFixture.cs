using System.Net;
using System.Net.Http.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Models;
using Inspection.RegistrySimulator;
using Inspection.Silo.Cases;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// One simulator and one platform in its embedded default (SQLite in a temporary folder), shared by the
/// tests of <see cref="PlatformCollection"/>, which run one after another.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly SqliteEvidence _data = new();
    private Task<RiskModelSummary>? _trained;

    /// <summary>The cases' clock: the real one until a test moves it on (and back) to reach a due date.</summary>
    public ShiftedTimeProvider CaseTime { get; } = new();

    public SimulatorHost Simulator { get; private set; } = null!;

    public PlatformHost Platform { get; private set; } = null!;

    public IEvidenceQueries Evidence => Platform.Services.GetRequiredService<IEvidenceQueries>();

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 300, Seed = 4242, ViolationRate = 0.12 });
        Platform = await PlatformHost.StartAsync(Simulator, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _data.DataDirectory,
            // Cases with awaiting requests look at their due dates twice a second rather than hourly.
            ["Cases:DeadlineCheckInterval"] = "00:00:00.500",
        }, services: services => services.AddSingleton(new CaseClock(CaseTime)));
    }

    /// <summary>
    /// Once every planted violation is flagged, imports the simulated agency's past inspection outcomes
    /// and has an administrator train the risk models; once for the fixture, shared by the tests that need it.
    /// </summary>
    public Task<RiskModelSummary> TrainedModelsAsync() => _trained ??= TrainModelsAsync();

    private async Task<RiskModelSummary> TrainModelsAsync()
    {
        var planted = (await Simulator.GroundTruthAsync()).Select(v => (v.EnterpriseCode, v.RuleId)).ToHashSet();
        await Eventually.Until(
            async () => (await Evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1000), default)).Select(f => (f.EnterpriseCode, f.RuleId)).ToHashSet(),
            planted.IsSubsetOf,
            TimeSpan.FromSeconds(120),
            flagged => $"not yet flagged: {string.Join(", ", planted.Except(flagged))}");

        using var admin = Platform.CreateClient(await Platform.SignInAsync("admin", "ops-models"));
        var outcomes = Simulator.State.InspectionOutcomes
            .Select(o => new { enterpriseCode = o.EnterpriseCode, decidedOn = o.DecidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), violationFound = o.ViolationFound })
            .ToList();
        (await admin.PostAsJsonAsync("/api/outcomes", outcomes)).EnsureSuccessStatusCode();

        var before = DateTimeOffset.UtcNow;
        var accepted = await admin.PostAsync("/api/models/train", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = await Eventually.Until(
            async () => (await admin.GetFromJsonAsync<RiskModelStatus>("/api/models"))!,
            s => !s.Training && s.Latest?.TrainedAt >= before.AddSeconds(-1),
            TimeSpan.FromSeconds(120),
            s => $"training {s.Training}, last trained {s.Latest?.TrainedAt}");
        return status.Latest!;
    }

    /// <summary>
    /// An enterprise with a flag that cites its records, once the platform has raised one: an inspector of
    /// its province (signed in as <paramref name="subject"/>), the enterprise's own account, and what the
    /// inspector sees of it.
    /// </summary>
    public async Task<(HttpClient Inspector, HttpClient Enterprise, Inspection.Api.Apis.EnterpriseDetail Target)> FlaggedEnterpriseAsync(string subject)
    {
        var flags = await Eventually.Until(
            async () => (await Evidence.ListFlagsAsync(new(null, null, null, null, null, 50), default)).Where(f => f.RecordReferences.Count > 0).ToList(),
            found => found.Count > 0, TimeSpan.FromMinutes(2), found => $"{found.Count} flags with evidence");
        var code = flags[0].EnterpriseCode;
        var inspector = Platform.CreateClient(await Platform.SignInAsync("inspector", subject, [flags[0].Province]));
        var enterprise = Platform.CreateClient(await Platform.SignInAsync("enterprise", code, enterpriseCode: code));
        var detail = (await inspector.GetFromJsonAsync<Inspection.Api.Apis.EnterpriseDetail>($"/api/enterprises/{code}"))!;
        return (inspector, enterprise, detail);
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Simulator.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
