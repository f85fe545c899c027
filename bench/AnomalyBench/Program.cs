using System.Diagnostics;
using System.Globalization;
using Inspection.Rules.Anomalies;

namespace Inspection.Bench.AnomalyBench;

/// <summary>
/// Evaluates the anomaly ensemble on generated labelled data sets of varied shape, printing the ROC-AUC
/// of the ensemble and of each member fitted alone (a Markdown table), then the fitted ensemble's
/// scoring throughput with 12 features and its fitting time.
/// Usage: dotnet run -c Release --project bench/AnomalyBench -- [largeRows=250000] [throughputRuns=3]
/// </summary>
public static class Program
{
    private static readonly AnomalyMembers[] Members =
        [AnomalyMembers.Pca, AnomalyMembers.Ecod, AnomalyMembers.IsolationForest, AnomalyMembers.NearestNeighbours];

    public static void Main(string[] args)
    {
        var largeRows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 250_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"processor count: {Environment.ProcessorCount}; SIMD width: {System.Numerics.Vector<float>.Count} floats");
        Console.WriteLine();
        Console.WriteLine("| data set | rows | features | anomalies | ensemble | PCA | ECOD | iForest | kNN | fit (s) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var ensembleAucs = new List<double>();
        var memberAucs = Members.ToDictionary(member => member, _ => new List<double>());
        foreach (var data in Datasets.All(largeRows))
        {
            var watch = Stopwatch.StartNew();
            var ensemble = AnomalyEnsemble.Fit(data.Rows);
            var fit = watch.Elapsed.TotalSeconds;
            var auc = RocAuc.Of(ensemble.Score(data.Rows), data.Anomalous);
            ensembleAucs.Add(auc);
            var alone = Members.Select(member => Alone(data, member, memberAucs[member])).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {data.Name} | {data.Rows.Rows:N0} | {data.Rows.Columns} | {data.AnomalyShare:P1} | **{auc:F3}** | {string.Join(" | ", alone)} | {fit:F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| mean (worst) | | | | **{ensembleAucs.Average():F3} ({ensembleAucs.Min():F3})** | {string.Join(" | ", Members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{memberAucs[m].Average():F3} ({memberAucs[m].Min():F3})")))} | |"));
        Console.WriteLine();
        MeasureThroughput(largeRows, runs);
    }

    // A member fitted alone, or "n/a" where it cannot be (PCA on fewer rows than twice the features).
    private static string Alone(LabelledData data, AnomalyMembers member, List<double> aucs)
    {
        try
        {
            var single = AnomalyEnsemble.Fit(data.Rows, new AnomalyOptions { Members = member });
            var auc = RocAuc.Of(single.Score(data.Rows), data.Anomalous);
            aucs.Add(auc);
            return auc.ToString("F3", CultureInfo.InvariantCulture);
        }
        catch (ArgumentException)
        {
            return "n/a";
        }
    }

    // The machine's load while measuring, so that figures from a busy machine are read as such (Linux only).
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void MeasureThroughput(int rows, int runs)
    {
        var data = Datasets.Large(rows);
        for (var run = 1; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var ensemble = AnomalyEnsemble.Fit(data.Rows);
            var fit = watch.Elapsed.TotalSeconds;
            var single = Throughput.SingleThreaded(ensemble, data.Rows);
            var batch = Throughput.Batch(ensemble, data.Rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: fit {data.Rows.Rows:N0} rows x {data.Rows.Columns} features in {fit:F2} s; scoring one row at a time on one thread {single.Wall:N0} rows/s ({single.Cpu:N0} per CPU-second), as a batch on {Environment.ProcessorCount} cores {batch.Wall:N0} rows/s ({batch.Cpu:N0} per CPU-second); load average {LoadAverage()} ({ensemble.Version})"));
        }
    }
}
