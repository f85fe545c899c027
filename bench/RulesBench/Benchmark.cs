using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Inspection.Bench.RulesBench.Generation;
using Inspection.Rules;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// The run: batch by batch, generate the enterprises and make both engines' inputs, check that the
/// engines agree, then time each on one thread over every enterprise of the batch, and ours on every
/// core; at the end, the totals, the ratio and the hits per rule version, which must be the same for all.
/// </summary>
internal sealed class Benchmark(BenchOptions options, TextWriter output)
{
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    private const int WarmUpEnterprises = 20_000;

    public int Run()
    {
        // Figures read the same on every machine: 1,234,567.8.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var pack = RegistryPack.Load();
        var ours = new PackRunner(pack);
        var versions = pack.Rules.Count;
        Write($"pack {pack.Id} {pack.Version}: {versions} rule versions of {pack.Rules.Select(rule => rule.Id).Distinct().Count()} rules; "
            + $"{options.Enterprises:N0} enterprises in batches of {options.BatchSize:N0}, seed {options.Seed}, assessed as of {EnterpriseGenerator.AsOf:yyyy-MM-dd}");
        Write($"processors: {Environment.ProcessorCount}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}; .NET {Environment.Version}");

        var generator = new EnterpriseGenerator(options.Seed);
        var single = new Measurement("Inspection.Rules, 1 core", versions);
        var allCores = new Measurement($"Inspection.Rules, all {Environment.ProcessorCount} cores (Parallel.For)", versions);
        var planted = new Dictionary<string, long>(StringComparer.Ordinal);
        RulesEngineRunner? theirs = null;
        EquivalenceCheck? check = null;
        Measurement? rulesEngine = null;
        var (records, number) = (0L, 0);
        for (var first = 0; first < options.Enterprises; first += options.BatchSize, number++)
        {
            var preparing = Stopwatch.StartNew();
            var batch = Batch.Generate(generator, first, Math.Min(options.BatchSize, options.Enterprises - first), pack);
            records += batch.Records;
            foreach (var violation in batch.Planted.SelectMany(violations => violations))
            {
                planted[violation.RuleId] = planted.GetValueOrDefault(violation.RuleId) + 1;
            }

            var prepared = preparing.Elapsed;
            if (theirs is null)
            {
                theirs = WarmUp(pack, ours, batch);
                check = new EquivalenceCheck(ours, theirs, options.SampleEvery);
                rulesEngine = new Measurement($"{theirs.Name}, 1 core", versions);
            }

            if (!check!.Run(batch))
            {
                Write($"FAILED: the engines disagree, or the generator's plants are not what they say ({check.Summary()}):");
                foreach (var failure in check.Failures)
                {
                    Write($"  {failure}");
                }

                return 1;
            }

            // Each engine goes first in every other batch, so that neither always runs in the other's wake.
            Action[] passes = [() => single.Time(batch, (b, hits) => RunOurs(ours, b, hits)), () => rulesEngine!.Time(batch, (b, hits) => RunTheirs(theirs, b, hits))];
            foreach (var pass in number % 2 == 0 ? passes : passes.Reverse())
            {
                pass();
            }

            allCores.Time(batch, (b, hits) => RunOursOnAllCores(ours, b, hits));
            Write($"batch {number + 1}: {batch.Count:N0} enterprises, {batch.Records:N0} records, prepared in {prepared.TotalSeconds:N1} s; "
                + $"so far {single.EvaluationsPerSecond:N0} and {rulesEngine!.EvaluationsPerSecond:N0} evaluations/s; heap {GC.GetTotalMemory(false) / 1e9:N2} GB");
        }

        return Report(pack, records, check!, planted, single, rulesEngine!, allCores);
    }

    private static void RunOurs(PackRunner ours, Batch batch, long[] hits)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var hit in ours.Evaluate(batch.Facts[i]))
            {
                hits[ours.IndexOf(hit)]++;
            }
        }
    }

    private static void RunTheirs(RulesEngineRunner theirs, Batch batch, long[] hits)
    {
        var index = theirs.VersionIndex;
        for (var i = 0; i < batch.Count; i++)
        {
            var results = theirs.Execute(batch.Parameters[i]);
            for (var j = 0; j < results.Count; j++)
            {
                hits[index[j]] += RulesEngineRunner.Periods(results[j]).Length;
            }
        }
    }

    private static void RunOursOnAllCores(PackRunner ours, Batch batch, long[] hits) =>
        Parallel.For(0, batch.Count, () => new long[hits.Length], (i, _, local) =>
        {
            foreach (var hit in ours.Evaluate(batch.Facts[i]))
            {
                local[ours.IndexOf(hit)]++;
            }

            return local;
        }, local =>
        {
            lock (hits)
            {
                for (var j = 0; j < hits.Length; j++)
                {
                    hits[j] += local[j];
                }
            }
        });

    /// <summary>
    /// Runs both engines over the first batch's first enterprises until each has run for a while (the JIT
    /// has optimised the hot code, RulesEngine has compiled the workflow), RulesEngine with each of its
    /// two expression compilers, and returns RulesEngine with the faster one.
    /// </summary>
    private RulesEngineRunner WarmUp(RulePack pack, PackRunner ours, Batch batch)
    {
        var count = Math.Min(WarmUpEnterprises, batch.Count);
        Repeat(count, i => ours.Evaluate(batch.Facts[i]));
        var candidates = new[] { new RulesEngineRunner(pack, fastExpressionCompiler: false), new RulesEngineRunner(pack, fastExpressionCompiler: true) };
        var timed = candidates.Select(candidate =>
        {
            Repeat(count, i => candidate.Execute(batch.Parameters[i]));
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                candidate.Execute(batch.Parameters[i]);
            }

            return (Runner: candidate, PerSecond: count * (double)candidate.Versions.Count / Stopwatch.GetElapsedTime(start).TotalSeconds);
        }).ToList();
        var fastest = timed.MaxBy(candidate => candidate.PerSecond);
        Write($"warm-up on {count:N0} enterprises: {string.Join("; ", timed.Select(candidate => $"{candidate.Runner.Name} {candidate.PerSecond:N0} evaluations/s"))}; timing the faster");
        return fastest.Runner;
    }

    private static void Repeat(int count, Action<int> evaluate)
    {
        var start = Stopwatch.GetTimestamp();
        do
        {
            for (var i = 0; i < count; i++)
            {
                evaluate(i);
            }
        }
        while (Stopwatch.GetElapsedTime(start) < WarmUpTime);
    }

    private int Report(
        RulePack pack, long records, EquivalenceCheck check, Dictionary<string, long> planted, Measurement single, Measurement rulesEngine, Measurement allCores)
    {
        Write($"");
        Write($"records: {single.Enterprises:N0} enterprise feature records ({records:N0} registry records); rule versions: {pack.Rules.Count}; rule evaluations: {single.Evaluations:N0} per engine");
        Write($"enterprises with a planted violation: {planted.Values.Sum():N0} ({planted.Values.Sum() / (double)single.Enterprises:P1})");
        Write($"checked before timing: {check.Summary()}{(check.Hits == single.Hits.Sum() ? ", every hit of the run among them" : string.Empty)}");
        Write($"{"engine",-52} {"seconds, evaluations/s",-23}   {"CPU seconds, evaluations/CPU s",-31}   allocated, GC");
        Write(single.Line());
        Write(rulesEngine.Line());
        var (ratio, cpuRatio) = (single.EvaluationsPerSecond / rulesEngine.EvaluationsPerSecond, single.EvaluationsPerCpuSecond / rulesEngine.EvaluationsPerCpuSecond);
        Write($"{"ratio Inspection.Rules / RulesEngine, 1 core",-52} {ratio,21:N1} ×   {cpuRatio,27:N1} ×");
        Write(allCores.Line());
        Write($"");
        Write($"{"hits per rule version",-36} {"planted",9} {"Inspection.Rules",17} {"RulesEngine",12}");
        for (var i = 0; i < pack.Rules.Count; i++)
        {
            var rule = pack.Rules[i];
            var plantedHere = pack.Rules.First(other => other.Id == rule.Id) == rule ? planted.GetValueOrDefault(rule.Id).ToString("N0", CultureInfo.InvariantCulture) : "″";
            Write($"{$"{rule.Id} v{rule.Version}",-36} {plantedHere,9} {single.Hits[i],17:N0} {rulesEngine.Hits[i],12:N0}");
        }

        Write($"{"all",-36} {planted.Values.Sum(),9:N0} {single.Hits.Sum(),17:N0} {rulesEngine.Hits.Sum(),12:N0}");
        Write($"");
        Write($"peak resident memory: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:N1} GB (batches of {options.BatchSize:N0} enterprises)");
        Write($"target ≥ 2,000,000 evaluations/s on one core: {Verdict(single.EvaluationsPerSecond >= 2_000_000, single.EvaluationsPerCpuSecond >= 2_000_000)}; "
            + $"target ≥ 10× RulesEngine: {Verdict(ratio >= 10, cpuRatio >= 10)}");
        if (!single.Hits.SequenceEqual(rulesEngine.Hits) || !single.Hits.SequenceEqual(allCores.Hits))
        {
            Write("FAILED: over all the records, the engines found different numbers of hits (above).");
            return 1;
        }

        return 0;
    }

    private static string Verdict(bool byWallClock, bool byCpu) =>
        $"{(byWallClock ? "met" : "MISSED")} by wall-clock time, {(byCpu ? "met" : "MISSED")} by CPU time";

    private void Write(string line) => output.WriteLine(line);
}
