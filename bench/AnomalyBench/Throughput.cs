using System.Diagnostics;
using Inspection.Rules.Anomalies;

namespace Inspection.Bench.AnomalyBench;

/// <summary>
/// Rows scored per second by a fitted ensemble, one row at a time on one thread and as a batch on all
/// cores: per second of wall-clock time, and per second of the process's CPU time, which other work on
/// a busy machine inflates less (it still counts time lost to a shared core's caches).
/// </summary>
internal static class Throughput
{
    public static (double Wall, double Cpu) SingleThreaded(AnomalyEnsemble ensemble, FeatureMatrix rows) => Measure(rows.Rows, () =>
    {
        var checksum = 0.0;
        for (var i = 0; i < rows.Rows; i++)
        {
            checksum += ensemble.Score(rows.Row(i));
        }

        GC.KeepAlive(checksum);
    });

    public static (double Wall, double Cpu) Batch(AnomalyEnsemble ensemble, FeatureMatrix rows) => Measure(rows.Rows, () => GC.KeepAlive(ensemble.Score(rows)));

    private static (double Wall, double Cpu) Measure(int rows, Action score)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        score();
        watch.Stop();
        process.Refresh();
        return (rows / watch.Elapsed.TotalSeconds, rows / (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
