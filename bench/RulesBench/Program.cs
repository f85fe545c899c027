namespace Inspection.Bench.RulesBench;

/// <summary>
/// Rule evaluation throughput: our rule pack against Microsoft's RulesEngine on the same rules (the
/// shipped pack, translated) and the same generated records, in one run, after checking that both find
/// the same hits. Exits 1 when they do not.
/// Usage: dotnet bench/RulesBench/bin/Release/net10.0/Inspection.RulesBench.dll [enterprises=1000000] [batch=100000] [seed=20261128]
/// </summary>
public static class Program
{
    public static int Main(string[] args) => new Benchmark(BenchOptions.Parse(args), Console.Out).Run();
}
