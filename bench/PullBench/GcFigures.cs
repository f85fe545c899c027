using System.Diagnostics;
using System.Globalization;

namespace Inspection.Bench.PullBench;

/// <summary>The process's garbage collections, pauses, allocations and CPU time at one moment, to say what a stretch of the run cost.</summary>
internal readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated, TimeSpan Cpu)
{
    public static GcFigures Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(),
        Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>What happened between <paramref name="start"/> and this moment, <paramref name="elapsed"/> apart.</summary>
    public string Since(GcFigures start, TimeSpan elapsed)
    {
        var paused = Paused - start.Paused;
        var cpu = Cpu - start.Cpu;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"CPU {cpu.TotalSeconds:N1} s ({cpu / elapsed / Environment.ProcessorCount:P0} of the cores); collections gen0 {Gen0 - start.Gen0}, gen1 {Gen1 - start.Gen1}, gen2 {Gen2 - start.Gen2}; "
            + $"paused {paused.TotalSeconds:N1} s ({paused / elapsed:P0} of the time); allocated {(Allocated - start.Allocated) / 1e9:N1} GB; "
            + $"heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e9:N2} GB");
    }
}
