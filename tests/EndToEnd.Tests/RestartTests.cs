using System.Net.Http.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Grains;
using Inspection.RegistrySimulator;
using Inspection.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inspection.EndToEnd.Tests;

/// <summary>The production storage: everything in a real PostgreSQL, and a host stopped in the middle of its first sweep.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task State_cursors_and_evidence_survive_a_restart_mid_pull_and_pulling_resumes_by_itself()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 400, Seed = 777, ViolationRate = 0.1 });
        var published = simulator.State.LastSequence;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Inspection"] = connectionString,
            ["Orleans:ClusterId"] = $"restart-{Guid.NewGuid():N}",
            // Small pages: the first sweep takes thousands of requests, long enough to be interrupted.
            ["Registries:PageSize"] = "3",
        };

        await using (await PlatformHost.StartAsync(simulator, settings))
        {
            await Eventually.Until(() => CountRecordsAsync(connectionString), n => n >= published / 10, TimeSpan.FromSeconds(120), n => $"{n} of {published} stored");
        }

        var storedAtStop = await CountRecordsAsync(connectionString);
        Assert.InRange(storedAtStop, 1, published - 1);
        var readsAtStop = await simulator.ReadsFromStartAsync();

        await using var second = await PlatformHost.StartAsync(simulator, settings);
        var expected = (await simulator.GroundTruthAsync()).Select(v => (v.EnterpriseCode, v.RuleId)).ToHashSet();
        var evidence = second.Services.GetRequiredService<IEvidenceQueries>();
        await Eventually.Until(
            async () => (Stored: await CountRecordsAsync(connectionString),
                Flagged: (await evidence.ListFlagsAsync(new FlagQuery(null, null, null, null, null, 1000), default)).Select(f => (f.EnterpriseCode, f.RuleId)).ToHashSet()),
            now => now.Stored == published && now.Flagged.SetEquals(expected),
            TimeSpan.FromSeconds(180),
            now => $"{now.Stored} of {published} records stored; {now.Flagged.Count} of {expected.Count} planted (enterprise, rule) pairs flagged");

        Assert.Equal(0, await DuplicateRecordsAsync(connectionString));

        // Cursors survived: of the (enterprise, registry) pairs read before the stop, only those whose first
        // page was in flight at the stop (at most the requests in flight: 8 per registry) were read from the
        // start again. Had the grain state been lost, every one of them would have been.
        var readsAfter = await simulator.ReadsFromStartAsync();
        Assert.True(readsAtStop.Count > 100, $"only {readsAtStop.Count} pairs were read before the stop");
        var readAgain = readsAtStop.Keys.Where(pair => readsAfter[pair] > readsAtStop[pair]).ToList();
        Assert.True(readAgain.Count <= 3 * 8, $"{readAgain.Count} of {readsAtStop.Count} pairs were read from the start again");

        // Every enterprise's grain knows its cursors and open flags after the restart, as stored.
        var grains = second.Services.GetRequiredService<IGrainFactory>();
        foreach (var (code, _) in readsAtStop.Keys.Take(20))
        {
            var status = await grains.GetGrain<IEnterpriseGrain>(code).GetStatus();
            Assert.True(status.Monitored);
            Assert.Equal(3, status.Cursors.Count);
        }
    }

    private static async Task<long> CountRecordsAsync(string connectionString) =>
        await ScalarAsync(connectionString, "SELECT count(*) FROM registry_records");

    private static async Task<long> DuplicateRecordsAsync(string connectionString) =>
        await ScalarAsync(connectionString, "SELECT count(*) FROM (SELECT 1 FROM registry_records GROUP BY registry, record_id, version HAVING count(*) > 1) d");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql";
}
