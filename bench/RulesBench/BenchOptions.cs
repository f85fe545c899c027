using System.Globalization;

namespace Inspection.Bench.RulesBench;

/// <summary>
/// The run's size: enterprises in all, how many are made ready and timed at a time (a batch's inputs
/// are let go before the next is made, to keep the process within memory), and the generator's seed.
/// </summary>
internal sealed record BenchOptions(int Enterprises, int BatchSize, int Seed)
{
    /// <summary>The equivalence check samples one enterprise in so many, 10,000 in all.</summary>
    public int SampleEvery => Math.Max(1, Enterprises / 10_000);

    public static BenchOptions Parse(string[] args) => new(
        args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20261128);
}
