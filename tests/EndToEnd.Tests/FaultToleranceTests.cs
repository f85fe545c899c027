using System.Text.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;
using Inspection.RegistrySimulator;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>The platform against registries that misbehave in every way the simulator can.</summary>
public sealed class FaultToleranceTests : IDisposable
{
    private readonly SqliteEvidence _evidence = new();

    public void Dispose() => _evidence.Dispose();

    [Theory]
    [InlineData("PerEnterprise")]
    [InlineData("ChangeFeed")]
    public async Task With_every_fault_on_the_evidence_store_ends_equal_to_the_registries_and_every_planted_violation_is_flagged(string mode)
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 1000, Seed = 5150, ViolationRate = 0.1 });
        foreach (var registry in RegistryIds.All)
        {
            await simulator.SetFaultsAsync(registry, new
            {
                latencyMs = 1,
                latencyJitterMs = 4,
                serverErrorRate = 0.03,
                throttleRate = 0.03,
                timeoutRate = 0.01,
                malformedRate = 0.02,
                truncatedRate = 0.02,
                wrongHashRate = 0.02,
                duplicateRate = 0.2,
                outOfOrder = true,
                unknownEnterpriseRate = 0.2,
            });
        }

        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            ["Registries:AttemptTimeout"] = "00:00:01",
            ["Registries:RequestTimeout"] = "00:00:03",
            ["Registries:PageSize"] = "200",
            // Enterprises that caught up still pull at their cadence: at 4 s the pulls asked for stay under what
            // a busy two-core machine serves, so catching up is not starved by pulls that find nothing new.
            ["Registries:PullInterval"] = "00:00:04",
        };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Mode"] = mode;
        }

        await using var platform = await PlatformHost.StartAsync(simulator, settings);
        var expectedFlags = (await simulator.GroundTruthAsync()).Select(v => (v.EnterpriseCode, v.RuleId)).ToHashSet();
        var published = simulator.State.LastSequence;
        var evidence = platform.Services.GetRequiredService<IEvidenceQueries>();

        await Eventually.Until(
            async () => (Stored: await StoredKeysAsync(), Flagged: await FlaggedAsync(evidence)),
            now => now.Stored.Count == published && now.Flagged.SetEquals(expectedFlags),
            TimeSpan.FromSeconds(240),
            now => $"{now.Stored.Count} of {published} records stored; {now.Flagged.Intersect(expectedFlags).Count()} of {expectedFlags.Count} planted pairs flagged, {now.Flagged.Except(expectedFlags).Count()} unexpected; "
                + $"first missing: {string.Join(", ", expectedFlags.Except(now.Flagged).Order().Take(5))}; "
                + $"first unexpected: {string.Join(", ", now.Flagged.Except(expectedFlags).Order().Take(5))}");

        await simulator.ClearFaultsAsync();
        var registryData = await simulator.AllRecordKeysAsync();
        Assert.Equal(registryData.Order(), (await StoredKeysAsync()).Order());

        // The faults did happen: the platform met (and survived) each kind of misbehaviour.
        var stats = await simulator.StatsAsync();
        foreach (var outcome in new[] { "server-error", "throttled", "timeout", "malformed", "truncated", "wrong-hash", "duplicate" })
        {
            Assert.True(RegistryIds.All.Sum(r => stats.GetProperty(r).GetProperty("outcomes").GetProperty(outcome).GetInt32()) > 0, $"no '{outcome}' answer was served");
        }
    }

    [Fact]
    public async Task A_throttled_registry_receives_no_more_requests_per_second_than_its_budget()
    {
        const int Budget = 20;
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 300, Seed = 8 });
        await simulator.SetFaultsAsync(RegistryIds.Tax, new { throttleRate = 0.2 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            [$"Registries:Sources:{RegistryIds.Tax}:RequestsPerSecond"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Long enough for 300 enterprises to want far more than the budget allows.
        var tax = await Eventually.Until(
            async () => (await simulator.StatsAsync()).GetProperty(RegistryIds.Tax),
            t => t.GetProperty("total").GetInt32() >= 8 * Budget,
            TimeSpan.FromSeconds(60),
            t => $"{t.GetProperty("total").GetInt32()} tax requests so far");

        Assert.True(tax.GetProperty("outcomes").GetProperty("throttled").GetInt32() > 0, "the registry never answered 429");
        // Within any one second: the budget, plus the first tenth's tokens that can straddle a second's boundary.
        Assert.InRange(tax.GetProperty("peakRequestsPerSecond").GetInt32(), 1, Budget + (Budget / 10));
        var other = (await simulator.StatsAsync()).GetProperty(RegistryIds.SocialInsurance);
        Assert.True(other.GetProperty("peakRequestsPerSecond").GetInt32() > Budget + (Budget / 10), "the other registries are not held to the tax budget");
    }

    [Fact]
    public async Task A_registry_failing_with_server_errors_receives_no_more_requests_per_second_than_its_budget_retries_included()
    {
        const int Budget = 20;
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 300, Seed = 9 });
        // Below the circuit breaker's failure ratio, so that the breaker does not hold the retries back.
        await simulator.SetFaultsAsync(RegistryIds.Tax, new { serverErrorRate = 0.4 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            [$"Registries:Sources:{RegistryIds.Tax}:RequestsPerSecond"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // A retry of every failed request would put the registry at about one and a half times the budget.
        var tax = await Eventually.Until(
            async () => (await simulator.StatsAsync()).GetProperty(RegistryIds.Tax),
            t => t.GetProperty("total").GetInt32() >= 8 * Budget,
            TimeSpan.FromSeconds(60),
            t => $"{t.GetProperty("total").GetInt32()} tax requests so far");

        Assert.True(tax.GetProperty("outcomes").GetProperty("server-error").GetInt32() > 0, "the registry never answered 5xx");
        Assert.InRange(tax.GetProperty("peakRequestsPerSecond").GetInt32(), 1, Budget + (Budget / 10));
    }

    [Fact]
    public async Task A_registry_that_hangs_does_not_delay_the_other_registries_flags()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 60, Seed = 77 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            // A hung social-insurance request is abandoned only after a minute: anything waiting on it would wait that long.
            ["Registries:AttemptTimeout"] = "00:01:00",
            ["Registries:RequestTimeout"] = "00:02:00",
        });
        var evidence = platform.Services.GetRequiredService<IEvidenceQueries>();
        await Eventually.Until(() => StoredKeysAsync(), keys => keys.Count == simulator.State.LastSequence, TimeSpan.FromSeconds(60), keys => $"{keys.Count} stored");

        await simulator.SetFaultsAsync(RegistryIds.SocialInsurance, new { timeoutRate = 1.0 });
        var target = await simulator.CleanActiveEnterpriseAsync((await simulator.EnterprisesAsync())[0].Province);
        await simulator.PlantAsync(target.EnterpriseCode, "TAX-LATE-FILING");

        // Several pull cycles, far less than the hung request's minute.
        var flags = await Eventually.Until(
            () => evidence.ListFlagsAsync(new FlagQuery(null, null, target.EnterpriseCode, null, null, 100), default),
            list => list.Any(f => f.RuleId == "TAX-LATE-FILING"),
            TimeSpan.FromSeconds(20),
            list => $"{list.Count} flags for {target.EnterpriseCode}");
        Assert.Contains(flags, f => f.RuleId == "TAX-LATE-FILING");
        Assert.True((await simulator.StatsAsync()).GetProperty(RegistryIds.SocialInsurance).GetProperty("outcomes").GetProperty("timeout").GetInt32() > 0);
    }

    [Fact]
    public async Task Answers_whose_request_hash_does_not_match_are_rejected_and_nothing_of_them_is_stored()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 40, Seed = 12 });
        await simulator.SetFaultsAsync(RegistryIds.Tax, new { wrongHashRate = 1.0 });
        await using var platform = await PlatformHost.StartAsync(simulator, new Dictionary<string, string?> { ["Storage:DataDirectory"] = _evidence.DataDirectory });
        var health = platform.Services.GetRequiredService<Inspection.Contracts.Operations.IRegistryHealthQueries>();

        var (stored, _) = await Eventually.Until(
            async () => (Keys: await StoredKeysAsync(),
                WrongHashes: (await simulator.StatsAsync()).GetProperty(RegistryIds.Tax).GetProperty("outcomes").GetProperty("wrong-hash").GetInt32()),
            now => now.Keys.Any(k => k.StartsWith(RegistryIds.SocialInsurance, StringComparison.Ordinal)) && now.WrongHashes >= 40,
            TimeSpan.FromSeconds(60),
            now => $"{now.Keys.Count} stored, {now.WrongHashes} answers with a wrong hash");

        Assert.DoesNotContain(stored, k => k.StartsWith(RegistryIds.Tax + "|", StringComparison.Ordinal));
        var tax = health.Current().Single(h => h.Registry == RegistryIds.Tax);
        Assert.Null(tax.LastSuccessAt);
        Assert.Contains("request hash", tax.LastError, StringComparison.Ordinal);
    }

    private static async Task<HashSet<(string, string)>> FlaggedAsync(IEvidenceQueries evidence) =>
        (await evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1000), default)).Select(f => (f.EnterpriseCode, f.RuleId)).ToHashSet();

    private Task<HashSet<string>> StoredKeysAsync() => _evidence.RecordKeysAsync();
}
