using System.Globalization;
using Inspection.Contracts.Registries;
using Inspection.RegistrySimulator;
using Inspection.Silo.Grains;
using Inspection.TestSupport;
using System.Text.Json;
using Npgsql;

namespace Inspection.EndToEnd.Tests;

/// <summary>The production storage: everything in a real PostgreSQL, and a host killed in the middle of its first sweep.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Killing_the_host_mid_sweep_loses_and_duplicates_nothing_and_pulling_resumes_from_the_cursors()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 400, Seed = 777, ViolationRate = 0.1 });
        var published = simulator.State.LastSequence;
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Inspection"] = connectionString,
            ["Orleans__ClusterId"] = $"restart-{Guid.NewGuid():N}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Simulator__Enabled"] = "false",
            ["Registries__BaseAddress"] = simulator.BaseAddress.ToString(),
            ["Registries__PullInterval"] = "00:00:02",
            // Small pages: the first sweep takes thousands of requests, long enough to be interrupted.
            ["Registries__PageSize"] = "3",
        };
        var httpPort = FreePort.Next();

        await using (var first = await SiloProcess.StartAsync(environment, httpPort))
        {
            await Eventually.Until(() => CountRecordsAsync(connectionString), n => n >= published / 10, TimeSpan.FromSeconds(120), n => $"{n} of {published} stored");
            await first.KillAsync();
        }

        var storedAtKill = await CountRecordsAsync(connectionString);
        Assert.InRange(storedAtKill, 1, published - 1);
        var readsAtKill = await simulator.ReadsFromStartAsync();
        var durableCursors = await DurableCursorsAsync(connectionString);

        // Same ports: the new silo recognises its dead predecessor in the membership table at once.
        await using var second = await SiloProcess.StartAsync(environment, httpPort);
        var expected = (await simulator.GroundTruthAsync()).Select(v => $"{v.EnterpriseCode}|{v.RuleId}").ToHashSet();
        await Eventually.Until(
            async () => (Stored: await CountRecordsAsync(connectionString), Flagged: await FlaggedPairsAsync(connectionString)),
            now => now.Stored == published && now.Flagged.SetEquals(expected),
            TimeSpan.FromSeconds(180),
            now => $"{now.Stored} of {published} records stored; {now.Flagged.Count} of {expected.Count} planted (enterprise, rule) pairs flagged");

        Assert.Equal(0, await DuplicateRecordsAsync(connectionString));

        // Cursors survived: no (enterprise, registry) whose cursor was in the stored grain state at the kill
        // was read from the start again; the new process continued from where the killed one stopped.
        var readsAfter = await simulator.ReadsFromStartAsync();
        Assert.True(durableCursors.Count > 100, $"only {durableCursors.Count} cursors were stored before the kill");
        Assert.All(durableCursors, pair => Assert.Equal(readsAtKill[pair], readsAfter[pair]));
    }

    [Fact]
    public async Task Killing_the_host_while_its_change_feeds_work_through_a_backlog_loses_and_duplicates_nothing_and_they_resume_from_their_state()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { EnterpriseCount = 400, Seed = 1618, ViolationRate = 0.1 });
        foreach (var registry in RegistryIds.All)
        {
            // A few milliseconds a page, so that the backlog of small pages takes long enough to be interrupted.
            await simulator.SetFaultsAsync(registry, new { latencyMs = 3 });
        }

        var published = simulator.State.LastSequence;
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Inspection"] = connectionString,
            ["Orleans__ClusterId"] = $"restart-feed-{Guid.NewGuid():N}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Simulator__Enabled"] = "false",
            ["Registries__BaseAddress"] = simulator.BaseAddress.ToString(),
            ["Registries__PageSize"] = "5",
        };
        foreach (var registry in RegistryIds.All)
        {
            environment[$"Registries__Sources__{registry}__Mode"] = "ChangeFeed";
        }

        var httpPort = FreePort.Next();
        await using (var first = await SiloProcess.StartAsync(environment, httpPort))
        {
            await Eventually.Until(() => CountRecordsAsync(connectionString), n => n >= published / 4, TimeSpan.FromSeconds(120), n => $"{n} of {published} stored");
            await first.KillAsync();
        }

        Assert.InRange(await CountRecordsAsync(connectionString), 1, published - 1);
        var feeds = await DurableFeedsAsync(connectionString);
        Assert.True(feeds.Any(feed => feed.Cursor is not null && feed.BacklogStretches > 0), $"no feed had a backlog stored at the kill: {string.Join("; ", feeds)}");
        var readsAtKill = await simulator.ReadsFromStartAsync();

        await using var second = await SiloProcess.StartAsync(environment, httpPort);
        await simulator.ClearFaultsAsync();
        var expected = (await simulator.GroundTruthAsync()).Select(v => $"{v.EnterpriseCode}|{v.RuleId}").ToHashSet();
        await Eventually.Until(
            async () => (Stored: await CountRecordsAsync(connectionString), Flagged: await FlaggedPairsAsync(connectionString)),
            now => now.Stored == published && now.Flagged.SetEquals(expected),
            TimeSpan.FromSeconds(180),
            now => $"{now.Stored} of {published} records stored; {now.Flagged.Count} of {expected.Count} planted (enterprise, rule) pairs flagged");

        Assert.Equal(0, await DuplicateRecordsAsync(connectionString));
        // Every feed with a saved cursor went on from its state: none was read from its beginning again.
        var readsAfter = await simulator.ReadsFromStartAsync();
        Assert.All(feeds.Where(f => f.Cursor is not null), feed => Assert.Equal(readsAtKill[(null, feed.Registry)], readsAfter[(null, feed.Registry)]));
    }

    /// <summary>Each change-feed reader's stored state: its registry, cursor and how many backlog stretches it still had to read.</summary>
    private static async Task<List<(string Registry, string? Cursor, int BacklogStretches, string Json)>> DurableFeedsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'feed' AND PayloadBinary IS NOT NULL", connection);
        var feeds = new List<(string, string?, int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var state = JsonDocument.Parse((byte[])reader[0]);
            var root = state.RootElement;
            // Orleans' JSON keeps collections' types: a list is {"$type": …, "$values": […]}.
            var backlog = root.GetProperty(nameof(RegistryFeedState.Backlog));
            backlog = backlog.ValueKind == JsonValueKind.Object ? backlog.GetProperty("$values") : backlog;
            feeds.Add((
                root.GetProperty(nameof(RegistryFeedState.Registry)).GetString()!,
                root.GetProperty(nameof(RegistryFeedState.Cursor)).GetString(),
                backlog.EnumerateArray().Count(item => item.ValueKind == JsonValueKind.Object),
                root.GetRawText()));
        }

        return feeds;
    }

    /// <summary>The (enterprise, registry) pairs with a cursor in the enterprise grains' stored state (JSON, as Orleans' ADO.NET storage writes it).</summary>
    private static async Task<List<(string EnterpriseCode, string Registry)>> DurableCursorsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'enterprise' AND PayloadBinary IS NOT NULL", connection);
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var state = JsonDocument.Parse((byte[])reader[0]);
            var code = state.RootElement.GetProperty(nameof(EnterpriseState.EnterpriseCode)).GetString()!;
            pairs.AddRange(state.RootElement.GetProperty(nameof(EnterpriseState.Cursors)).EnumerateObject()
                .Where(cursor => !cursor.Name.StartsWith('$'))
                .Select(cursor => (code, cursor.Name)));
        }

        return pairs;
    }

    private static async Task<HashSet<string>> FlaggedPairsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT enterprise_code || '|' || rule_id FROM risk_flags", connection);
        var pairs = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add(reader.GetString(0));
        }

        return pairs;
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
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql";
}
