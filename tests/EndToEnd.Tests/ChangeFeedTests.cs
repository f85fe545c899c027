using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;
using Inspection.RegistrySimulator;
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
}
