namespace Inspection.RegistrySimulator.Data;

/// <summary>
/// SplitMix64. Used instead of <see cref="Random"/> so that any value (one enterprise's payroll in one
/// month, say) can be drawn on its own from a key, in any order and on any thread, and come out the same.
/// </summary>
internal struct DeterministicRandom
{
    private ulong _state;

    private DeterministicRandom(ulong state) => _state = state;

    /// <summary>A stream keyed by the seed and up to three numbers (what is drawn, for whom, when).</summary>
    public static DeterministicRandom For(int seed, int stream, int key = 0, int subKey = 0)
    {
        var state = Mix((ulong)(uint)seed);
        state = Mix(state ^ (ulong)(uint)stream);
        state = Mix(state ^ (ulong)(uint)key);
        return new DeterministicRandom(Mix(state ^ (ulong)(uint)subKey));
    }

    public ulong NextUInt64() => Mix(_state += 0x9E3779B97F4A7C15);

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double NextDouble(double min, double max) => min + NextDouble() * (max - min);

    /// <summary>Log-uniform in [min, max): most values small, a few large, like company sizes.</summary>
    public double NextLogUniform(double min, double max) => Math.Exp(NextDouble(Math.Log(min), Math.Log(max)));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
