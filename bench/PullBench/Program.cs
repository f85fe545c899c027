using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Json;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;
using Inspection.RegistrySimulator;
using Inspection.Silo.Hosting;
using Inspection.Silo.Telemetry;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.Bench.PullBench;

/// <summary>
/// End-to-end ingestion load: the registry simulator and the whole platform in this process, on
/// loopback. Prints the time of the first full sweep (the backfill of the simulator's twelve months:
/// records/s, pull + store + rules), the time to ingest new periods published at once, and for each
/// load the delay from a violation planted while it runs to its flag reaching a SignalR client.
/// Usage: dotnet run -c Release --project bench/PullBench -- [enterprises=100000] [plants=200] [mode=ChangeFeed|PerEnterprise] [periods=1]
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var enterprises = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var plants = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var mode = args.Length > 2 ? args[2] : "ChangeFeed";
        var periods = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var data = Path.Combine(Path.GetTempPath(), $"inspection-bench-{Guid.NewGuid():N}");

        var simulator = RegistrySimulatorApp.Create(new SimulatorOptions { EnterpriseCount = enterprises }, ["--Logging:LogLevel:Default=Warning"]);
        simulator.Urls.Add("http://127.0.0.1:0");
        await simulator.StartAsync();
        var state = simulator.Services.GetRequiredService<SimulatorState>();
        var admin = new HttpClient { BaseAddress = new Uri(simulator.Urls.First()) };

        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Simulator:Enabled"] = "false",
            ["Registries:BaseAddress"] = simulator.Urls.First(),
            ["Registries:PullInterval"] = "00:00:05",
            ["Registries:PageSize"] = "1000",
            ["Registries:MaxConcurrentRequests"] = "16",
            ["Storage:DataDirectory"] = data,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var registry in RegistryIds.All)
        {
            settings[$"Registries:Sources:{registry}:Mode"] = mode;
        }

        var platform = await InspectionHost.BuildAsync(["--environment=Development"], builder => builder.Configuration.AddInMemoryCollection(settings));
        await platform.StartAsync();
        var evidence = Path.Combine(data, "evidence.db");
        Console.WriteLine($"enterprises: {enterprises:N0}; registries: 5; pull mode: {mode}; processor count: {Environment.ProcessorCount}");

        var assessments = 0L;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == InspectionTelemetry.Name && instrument.Name == "inspection.assessments")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref assessments, value));
        meters.Start();

        var client = new HttpClient { BaseAddress = new Uri(platform.Urls.First()) };
        var token = (await (await client.PostAsJsonAsync("/api/dev/token", new { role = "leadership", subject = "bench" })).Content.ReadFromJsonAsync<Token>())!.AccessToken;
        var arrivals = new ConcurrentDictionary<string, long>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(platform.Urls.First()), "/hubs/risk"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<RiskFlag>("flagRaised", flag => arrivals.TryAdd(flag.EnterpriseCode, Stopwatch.GetTimestamp()));
        await hub.StartAsync();
        var clean = new Queue<string>(CleanActiveEnterprises(state));

        var published = state.LastSequence;
        var gcBefore = GcFigures.Now();
        var sweep = Stopwatch.StartNew();
        // Violations are planted once every enterprise is registered with the platform: before that, an
        // enterprise has no registration to be judged by, whatever the load.
        await WaitForAsync(evidence, "SELECT count(*) FROM registry_records WHERE registry = 'business-registration'", enterprises);
        var duringBackfill = await PlantDuringLoadAsync(admin, clean, plants);
        await WaitForAsync(evidence, "SELECT count(*) FROM registry_records", published + duringBackfill.Count);
        sweep.Stop();
        Console.WriteLine($"first sweep (backfill of 12 months): {published:N0} records in {sweep.Elapsed.TotalSeconds:N1} s = {published / sweep.Elapsed.TotalSeconds:N0} records/s end to end; "
            + $"{Interlocked.Read(ref assessments):N0} enterprise assessments");
        Console.WriteLine($"  during it: {GcFigures.Now().Since(gcBefore, sweep.Elapsed)}");
        await ReportDelaysAsync("the backfill", duringBackfill, arrivals);

        var before = state.LastSequence;
        gcBefore = GcFigures.Now();
        var period = Stopwatch.StartNew();
        for (var i = 0; i < periods; i++)
        {
            await admin.PostAsync("/simulator/clock/advance", null);
        }

        var target = state.LastSequence;
        var duringPeriod = await PlantDuringLoadAsync(admin, clean, plants);
        await WaitForAsync(evidence, "SELECT count(*) FROM registry_records", target + duringPeriod.Count);
        period.Stop();
        Console.WriteLine($"{periods} new period(s) published at once: {target - before:N0} records in {period.Elapsed.TotalSeconds:N1} s = {(target - before) / period.Elapsed.TotalSeconds:N0} records/s; "
            + $"{Interlocked.Read(ref assessments):N0} enterprise assessments since the start");
        Console.WriteLine($"  during it: {GcFigures.Now().Since(gcBefore, period.Elapsed)}");
        await ReportDelaysAsync("the new period(s)", duringPeriod, arrivals);

        await hub.DisposeAsync();
        await platform.StopAsync();
        await simulator.StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>Active enterprises with no planted violation, to plant new ones in.</summary>
    private static IEnumerable<string> CleanActiveEnterprises(SimulatorState state)
    {
        var planted = state.GroundTruth.Select(v => v.EnterpriseCode).ToHashSet();
        return state.ListEnterprises().Where(e => e.Status == "active" && !planted.Contains(e.EnterpriseCode)).Select(e => e.EnterpriseCode);
    }

    /// <summary>Plants a violation in each of the next clean enterprises, 25 ms apart; returns when each was planted.</summary>
    private static async Task<Dictionary<string, long>> PlantDuringLoadAsync(HttpClient admin, Queue<string> clean, int count)
    {
        var times = new Dictionary<string, long>();
        while (times.Count < count && clean.TryDequeue(out var enterprise))
        {
            var response = await admin.PostAsJsonAsync("/simulator/violations", new { enterpriseCode = enterprise, ruleId = "TAX-DEBT-OVERDUE" });
            if (response.IsSuccessStatusCode)
            {
                times[enterprise] = Stopwatch.GetTimestamp();
            }

            await Task.Delay(25);
        }

        return times;
    }

    /// <summary>Waits (at most a minute more) for every planted violation's flag, then prints the delays' median and 99th percentile.</summary>
    private static async Task ReportDelaysAsync(string load, Dictionary<string, long> planted, ConcurrentDictionary<string, long> arrivals)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (planted.Keys.Any(code => !arrivals.ContainsKey(code)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var delays = planted.Where(p => arrivals.ContainsKey(p.Key))
            .Select(p => Stopwatch.GetElapsedTime(p.Value, arrivals[p.Key]).TotalMilliseconds).Order().ToList();
        Console.WriteLine($"  change to flag at a SignalR client during {load}: {delays.Count} of {planted.Count} arrived; p50 {Percentile(delays, 0.5):N0} ms, p99 {Percentile(delays, 0.99):N0} ms");
    }

    private static async Task WaitForAsync(string evidence, string countSql, long count)
    {
        while (await CountAsync(evidence, countSql) < count)
        {
            await Task.Delay(250);
        }
    }

    private static async Task<long> CountAsync(string evidence, string countSql)
    {
        if (!File.Exists(evidence))
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={evidence};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = countSql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Token(string AccessToken);
}
