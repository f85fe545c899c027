using System.Diagnostics;
using System.Globalization;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// One engine's timed passes over the batches, added up: enterprises, wall-clock time, the process's
/// CPU time (on a machine shared with other work, wall-clock time also counts the time the process
/// waited for a core, CPU time does not), bytes allocated, garbage collections and their pauses, and the
/// hits it found per rule version (in pack order).
/// </summary>
internal sealed class Measurement(string engine, int versions)
{
    public string Engine { get; } = engine;

    public long[] Hits { get; } = new long[versions];

    public long Enterprises { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan Cpu { get; private set; }

    public long Allocated { get; private set; }

    public int Collections { get; private set; }

    public TimeSpan Paused { get; private set; }

    /// <summary>One rule version applied to one enterprise's records.</summary>
    public long Evaluations => Enterprises * Hits.Length;

    public double EvaluationsPerSecond => Evaluations / Elapsed.TotalSeconds;

    public double EvaluationsPerCpuSecond => Evaluations / Cpu.TotalSeconds;

    /// <summary>Times <paramref name="run"/> over the batch, from a collected heap, so that no engine pays for the other's garbage.</summary>
    public void Time(Batch batch, Action<Batch, long[]> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // The first young collection after the full ones that follow a batch's making scans the whole new
        // batch (0.14–0.20 s here) and fell on whichever engine ran first, a cost of the generator's heap,
        // not of the engine: it is had here, before the clock starts. Each engine's own collections still count.
        GC.Collect(0);
        var (allocated, collections, paused) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.GetTotalPauseDuration());
        var (start, cpu) = (Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);
        run(batch, Hits);
        Elapsed += Stopwatch.GetElapsedTime(start);
        Cpu += Environment.CpuUsage.TotalTime - cpu;
        Allocated += GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Collections += GC.CollectionCount(0) - collections;
        Paused += GC.GetTotalPauseDuration() - paused;
        Enterprises += batch.Count;
    }

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Engine,-52} {Elapsed.TotalSeconds,7:N2} s {EvaluationsPerSecond,11:N0}/s   CPU {Cpu.TotalSeconds,7:N2} s {EvaluationsPerCpuSecond,11:N0}/s   "
        + $"{Allocated / (double)Enterprises,6:N0} B/enterprise, {Collections:N0} collections, paused {Paused.TotalSeconds:N2} s");
}
