using System.Net.Http.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.Contracts.Operations;
using Inspection.Contracts.Registries;
using Inspection.RegistrySimulator;
using Inspection.Silo.Registries;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.EndToEnd.Tests;

/// <summary>Every registry followed through its registry-wide change feed and fanned out to the enterprises.</summary>
public sealed class ChangeFeedTests : IDisposable
{
    private readonly SqliteEvidence _evidence = new();

    public void Dispose() => _evidence.Dispose();

    [Fact]
    public async Task Change_feeds_with_foreign_duplicated_and_shuffled_records_end_in_exactly_the_registries_data()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 400, Seed = 2718, ViolationRate = 0.15 });
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _evidence.DataDirectory, ["Registries:PageSize"] = "200" };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Mode"] = "ChangeFeed";
            await simulator.SetFaultsAsync(registry, new { duplicateRate = 0.3, outOfOrder = true, unknownEnterpriseRate = 0.3, serverErrorRate = 0.05 });
        }

        await using var platform = await PlatformHost.StartAsync(simulator, settings);
        var evidence = platform.Services.GetRequiredService<IEvidenceQueries>();
        var expectedFlags = (await simulator.GroundTruthAsync()).Select(v => (v.EnterpriseCode, v.RuleId)).ToHashSet();
        var published = simulator.State.LastSequence;

        await Eventually.Until(
            async () => (Stored: (await _evidence.RecordKeysAsync()).Count, Flagged: (await evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1000), default)).Select(f => (f.EnterpriseCode, f.RuleId)).ToHashSet()),
            now => now.Stored == published && now.Flagged.SetEquals(expectedFlags),
            TimeSpan.FromSeconds(120),
            now => $"{now.Stored} of {published} records stored; {now.Flagged.Intersect(expectedFlags).Count()} of {expectedFlags.Count} planted pairs flagged");

        var unknown = (await simulator.StatsAsync()).GetProperty(RegistryIds.Tax).GetProperty("outcomes").GetProperty("unknown-enterprise").GetInt32();
        Assert.True(unknown > 0, "no page named an unknown enterprise");
        var known = (await simulator.EnterprisesAsync()).Select(e => e.EnterpriseCode).ToHashSet();
        var listed = await evidence.ListEnterprisesAsync(new EnterpriseQuery(null, null, null, null, null, 1000, 0), default);
        Assert.Equal(known.Count, listed.Count);
        Assert.All(listed, e => Assert.Contains(e.Code, known));

        await simulator.ClearFaultsAsync();
        Assert.Equal(published, (await simulator.AllRecordKeysAsync()).Count);
    }

    [Fact]
    public async Task A_feed_failing_for_a_moment_stays_complete_and_one_that_went_stale_has_every_enterprise_assessed_when_it_is_back()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 60, Seed = 31 });
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            ["Registries:ChangeFeedStaleAfter"] = "00:00:15",
        };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Mode"] = "ChangeFeed";
        }

        await using var platform = await PlatformHost.StartAsync(simulator, settings);
        var feeds = platform.Services.GetRequiredService<FeedCompletenessMonitor>();
        var sweeper = platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IReassessmentGrain>(IReassessmentGrain.Key);
        await Eventually.Until(() => Task.FromResult(feeds.Complete), c => c.Count == RegistryIds.All.Count, TimeSpan.FromSeconds(60), c => $"complete: {string.Join(", ", c)}");
        await Eventually.Until(() => sweeper.GetProgress(), p => !p.Running, TimeSpan.FromSeconds(60), p => $"{p.Sweeps} sweeps, running");

        // Every read of the tax feed fails from now on; a few reads and the monitor's polls later it is still complete.
        await simulator.SetFaultsAsync(RegistryIds.Tax, new { serverErrorRate = 1.0 });
        await Eventually.Until(ServerErrorsAsync, n => n >= 3, TimeSpan.FromSeconds(30), n => $"{n} tax reads failed");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Contains(RegistryIds.Tax, feeds.Complete);

        // Failing past the configured 15 s, it is stale: no tax filing is judged missing until it is back.
        await Eventually.Until(() => Task.FromResult(feeds.Complete), c => !c.Contains(RegistryIds.Tax), TimeSpan.FromSeconds(60), c => $"complete: {string.Join(", ", c)}");
        var sweepsBefore = (await sweeper.GetProgress()).Sweeps;

        await simulator.ClearFaultsAsync();
        await Eventually.Until(() => Task.FromResult(feeds.Complete), c => c.Contains(RegistryIds.Tax), TimeSpan.FromSeconds(60), c => $"complete: {string.Join(", ", c)}");
        var after = await Eventually.Until(() => sweeper.GetProgress(), p => p.Sweeps > sweepsBefore && !p.Running, TimeSpan.FromSeconds(60), p => $"{p.Sweeps} sweeps");
        Assert.Equal((await simulator.EnterprisesAsync()).Count, after.LastSweepEnterprises);

        async Task<int> ServerErrorsAsync() =>
            (await simulator.StatsAsync()).GetProperty(RegistryIds.Tax).GetProperty("outcomes").GetProperty("server-error").GetInt32();
    }

    [Theory]
    [InlineData(NewestFirstSupport.Ignored)]
    [InlineData(NewestFirstSupport.Refused)]
    public async Task Feeds_that_cannot_read_newest_first_are_read_oldest_first_to_the_same_end(NewestFirstSupport support)
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 150, Seed = 99, ViolationRate = 0.2, NewestFirst = support });
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _evidence.DataDirectory, ["Registries:PageSize"] = "50" };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Mode"] = "ChangeFeed";
        }

        await using var platform = await PlatformHost.StartAsync(simulator, settings);
        var evidence = platform.Services.GetRequiredService<IEvidenceQueries>();
        var expectedFlags = (await simulator.GroundTruthAsync()).Select(v => (v.EnterpriseCode, v.RuleId)).ToHashSet();
        var published = simulator.State.LastSequence;

        await Eventually.Until(
            async () => (Stored: (await _evidence.RecordKeysAsync()).Count, Flagged: (await evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1000), default)).Select(f => (f.EnterpriseCode, f.RuleId)).ToHashSet()),
            now => now.Stored == published && now.Flagged.SetEquals(expectedFlags),
            TimeSpan.FromSeconds(60),
            now => $"{now.Stored} of {published} records stored; {now.Flagged.Intersect(expectedFlags).Count()} of {expectedFlags.Count} planted pairs flagged");
    }

    [Fact]
    public async Task A_change_published_while_a_feed_works_through_its_backlog_is_flagged_before_the_backlog_is_done()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 600, Seed = 4242 });
        // Small pages a few milliseconds apart: the tax feed's history takes many seconds to read.
        await simulator.SetFaultsAsync(RegistryIds.Tax, new { latencyMs = 20 });
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _evidence.DataDirectory, ["Registries:PageSize"] = "20" };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Mode"] = "ChangeFeed";
        }

        await using var platform = await PlatformHost.StartAsync(simulator, settings);
        var evidence = platform.Services.GetRequiredService<IEvidenceQueries>();
        var taxPublished = (await simulator.AllRecordKeysAsync()).Count(IsTax);
        await Eventually.Until(
            async () => (await _evidence.RecordKeysAsync()).Count(IsTax),
            count => count >= 100,
            TimeSpan.FromSeconds(30),
            count => $"{count} tax records stored");

        var target = await simulator.CleanActiveEnterpriseAsync((await simulator.EnterprisesAsync())[0].Province);
        await simulator.PlantAsync(target.EnterpriseCode, "TAX-DEBT-OVERDUE");
        await Eventually.Until(
            () => evidence.ListFlagsAsync(new FlagQuery(null, null, target.EnterpriseCode, null, null, 100), default),
            flags => flags.Any(f => f.RuleId == "TAX-DEBT-OVERDUE"),
            TimeSpan.FromSeconds(30),
            flags => $"{flags.Count} flags for {target.EnterpriseCode}");

        var storedWhenFlagged = (await _evidence.RecordKeysAsync()).Count(IsTax);
        Assert.True(storedWhenFlagged < taxPublished, $"the flag came only after the whole tax history ({storedWhenFlagged} of {taxPublished}) was stored");
    }

    [Fact]
    public async Task Records_a_feed_dropped_before_they_were_read_are_a_visible_gap_and_reading_resumes_after_it()
    {
        const int retained = 40;
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 150, Seed = 3141 });
        await simulator.SetFaultsAsync(RegistryIds.Tax, new { feedRetention = retained });
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _evidence.DataDirectory,
            [$"Registries:Sources:{RegistryIds.Tax}:Mode"] = "ChangeFeed",
        };

        await using var platform = await PlatformHost.StartAsync(simulator, settings);
        using var admin = platform.CreateClient(await platform.SignInAsync("admin", "ops-1"));
        var health = await Eventually.Until(
            async () => (await admin.GetFromJsonAsync<List<RegistryHealth>>("/api/registries/health"))!,
            now => now.Single(h => h.Registry == RegistryIds.Tax).Gaps.Count > 0,
            TimeSpan.FromSeconds(60),
            now => "no gap shown for the tax feed");
        var gap = Assert.Single(health.Single(h => h.Registry == RegistryIds.Tax).Gaps);
        Assert.Null(gap.FromCursor);
        Assert.All(health.Where(h => h.Registry != RegistryIds.Tax), h => Assert.Empty(h.Gaps));

        await simulator.ClearFaultsAsync();
        var taxPublished = (await simulator.AllRecordKeysAsync()).Count(k => k.StartsWith(RegistryIds.Tax + "|", StringComparison.Ordinal));
        var stored = await Eventually.Until(
            async () => (await _evidence.RecordKeysAsync()).Count(k => k.StartsWith(RegistryIds.Tax + "|", StringComparison.Ordinal)),
            count => count >= retained,
            TimeSpan.FromSeconds(60),
            count => $"{count} of the {retained} tax records the feed kept are stored");
        Assert.True(stored < taxPublished, $"all {taxPublished} tax records were stored although the feed dropped some");
    }

    private static bool IsTax(string key) => key.StartsWith(RegistryIds.Tax + "|", StringComparison.Ordinal);
}
