namespace Inspection.Bench.AnomalyBench;

/// <summary>Random draws from the distributions the data sets are made of.</summary>
internal static class Draw
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    public static double LogNormal(Random random, double sigma) => Math.Exp(sigma * Gaussian(random));

    /// <summary>Student's t with <paramref name="freedom"/> degrees of freedom: heavy tails for small ones.</summary>
    public static double StudentT(Random random, int freedom)
    {
        var chiSquared = 0.0;
        for (var i = 0; i < freedom; i++)
        {
            var g = Gaussian(random);
            chiSquared += g * g;
        }

        return Gaussian(random) / Math.Sqrt(chiSquared / freedom);
    }

    /// <summary>Knuth's method; fine for the small means used here.</summary>
    public static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }
}
