using Inspection.Rules.Anomalies;

namespace Inspection.Bench.AnomalyBench;

/// <summary>
/// Labelled data sets of the shapes the ADBench study generates anomalies in (global, local, clustered,
/// dependency-breaking) and of the shapes registry figures take (heavy tails, skew, counts, many
/// irrelevant features, few rows, many rows). Each is seeded, so every run sees the same rows.
/// </summary>
internal static class Datasets
{
    public static IEnumerable<LabelledData> All(int largeRows)
    {
        yield return Global();
        yield return Local();
        yield return Clustered();
        yield return Dependency();
        yield return HighDimensional();
        yield return HeavyTailed();
        yield return Discrete();
        yield return MoreFeaturesThanRows();
        yield return Tiny();
        yield return Large(largeRows);
    }

    /// <summary>A Gaussian blob; anomalies uniform over a box 1.5 times its extent.</summary>
    public static LabelledData Global() => Make("global outliers, Gaussian blob", 5000, 100, 12, 1,
        (random, row) => Fill(row, () => Draw.Gaussian(random)),
        (random, row) => Fill(row, () => Draw.Uniform(random, -6, 6)));

    /// <summary>Four clusters of different spreads; anomalies drawn from the same clusters with 5 times the spread.</summary>
    public static LabelledData Local() => Make("local outliers near dense clusters", 5000, 100, 12, 2,
        (random, row) => Cluster(random, row, 1),
        (random, row) => Cluster(random, row, 5));

    /// <summary>A Gaussian blob; the anomalies are a tight group of their own away from it.</summary>
    public static LabelledData Clustered() => Make("clustered anomalies", 5000, 100, 12, 3,
        (random, row) => Fill(row, () => Draw.Gaussian(random)),
        (random, row) => Fill(row, () => 3 + (0.2 * Draw.Gaussian(random))));

    /// <summary>Twelve features driven by three hidden factors; anomalies draw each feature from the data's own marginal, independently.</summary>
    public static LabelledData Dependency()
    {
        var loadings = Loadings(new Random(40), 12, 3);
        return Make("dependency-breaking anomalies", 5000, 100, 12, 4,
            (random, row) => Factors(random, row, loadings),
            (random, row) =>
            {
                // Each feature from another normal row: every marginal is usual, their combination is not.
                var donor = new double[row.Length];
                for (var j = 0; j < row.Length; j++)
                {
                    Factors(random, donor, loadings);
                    row[j] = donor[j];
                }
            });
    }

    /// <summary>Five informative features among a hundred; anomalies are 3.5 spreads out in three of the five.</summary>
    public static LabelledData HighDimensional() => Make("high dimension, 95 irrelevant features", 5000, 100, 100, 5,
        (random, row) => Fill(row, () => Draw.Gaussian(random)),
        (random, row) =>
        {
            Fill(row, () => Draw.Gaussian(random));
            foreach (var j in new[] { 0, 1, 2, 3, 4 }.OrderBy(_ => random.Next()).Take(3))
            {
                row[j] = (random.Next(2) == 0 ? -1 : 1) * (3.5 + (0.5 * random.NextDouble()));
            }
        });

    /// <summary>Log-normal (skewed) and Student-t(2) (heavy-tailed) features, as amounts are; anomalies are far out in the logs of three.</summary>
    public static LabelledData HeavyTailed() => Make("heavy-tailed and skewed features", 5000, 100, 12, 6,
        (random, row) => Amounts(random, row),
        (random, row) =>
        {
            Amounts(random, row);
            foreach (var j in Enumerable.Range(0, 6).OrderBy(_ => random.Next()).Take(3))
            {
                row[j] = Math.Exp(random.Next(2) == 0 ? -3.5 : 3.5);
            }
        });

    /// <summary>Counts and yes/no flags, as headcounts and filings are; anomalies have three counts tripled and a rare flag set.</summary>
    public static LabelledData Discrete() => Make("discrete (integer) features", 5000, 100, 12, 7,
        (random, row) => Counts(random, row, 1),
        (random, row) =>
        {
            Counts(random, row, 3);
            row[8 + random.Next(4)] = 1;
        });

    /// <summary>Sixty rows of two hundred features; anomalies are scattered twice as widely in all of them.</summary>
    public static LabelledData MoreFeaturesThanRows() => Make("more features than rows", 54, 6, 200, 8,
        (random, row) => Fill(row, () => Draw.Gaussian(random)),
        (random, row) => Fill(row, () => 2 * Draw.Gaussian(random)));

    /// <summary>Thirty rows of a Gaussian blob; anomalies 4 to 6 spreads out in one feature.</summary>
    public static LabelledData Tiny() => Make("tiny: 30 rows", 27, 3, 5, 9,
        (random, row) => Fill(row, () => Draw.Gaussian(random)),
        (random, row) =>
        {
            Fill(row, () => Draw.Gaussian(random));
            row[random.Next(row.Length)] = (random.Next(2) == 0 ? -1 : 1) * Draw.Uniform(random, 4, 6);
        });

    /// <summary>Many rows of the local-outlier shape.</summary>
    public static LabelledData Large(int rows) => Make($"large: local outliers, {rows:N0} rows", rows - (rows / 100), rows / 100, 12, 10,
        (random, row) => Cluster(random, row, 1),
        (random, row) => Cluster(random, row, 5));

    private static LabelledData Make(string name, int inliers, int anomalies, int features, int seed, Action<Random, double[]> inlier, Action<Random, double[]> anomaly)
    {
        var random = new Random(seed);
        var values = new double[(inliers + anomalies) * features];
        var anomalous = new bool[inliers + anomalies];
        var row = new double[features];
        var placed = 0;
        for (var i = 0; i < anomalous.Length; i++)
        {
            // Anomalies are spread at random through the rows, as they would be in a registry's extract.
            anomalous[i] = random.NextDouble() * (anomalous.Length - i) < anomalies - placed;
            placed += anomalous[i] ? 1 : 0;
            (anomalous[i] ? anomaly : inlier)(random, row);
            row.CopyTo(values, i * features);
        }

        return new LabelledData(name, new FeatureMatrix(values, features), anomalous);
    }

    private static void Fill(double[] row, Func<double> value)
    {
        for (var j = 0; j < row.Length; j++)
        {
            row[j] = value();
        }
    }

    private static void Cluster(Random random, double[] row, double spreadFactor)
    {
        // Centres apart by 6 to 10 units; spreads 0.2 to 1.5, so one cluster's usual is another's unusual.
        var cluster = random.Next(4);
        double[] spreads = [0.2, 0.5, 1.0, 1.5];
        for (var j = 0; j < row.Length; j++)
        {
            var centre = (cluster * (6 + (j % 3) * 2.0)) * (j % 2 == 0 ? 1 : -1);
            row[j] = centre + (spreads[cluster] * spreadFactor * Draw.Gaussian(random));
        }
    }

    private static double[,] Loadings(Random random, int features, int factors)
    {
        var loadings = new double[features, factors];
        for (var j = 0; j < features; j++)
        {
            for (var f = 0; f < factors; f++)
            {
                loadings[j, f] = Draw.Gaussian(random);
            }
        }

        return loadings;
    }

    private static void Factors(Random random, double[] row, double[,] loadings)
    {
        var factors = new double[loadings.GetLength(1)];
        Fill(factors, () => Draw.Gaussian(random));
        for (var j = 0; j < row.Length; j++)
        {
            row[j] = 0.2 * Draw.Gaussian(random);
            for (var f = 0; f < factors.Length; f++)
            {
                row[j] += loadings[j, f] * factors[f];
            }
        }
    }

    private static void Amounts(Random random, double[] row)
    {
        for (var j = 0; j < 6; j++)
        {
            row[j] = Draw.LogNormal(random, 1);
        }

        for (var j = 6; j < row.Length; j++)
        {
            row[j] = Draw.StudentT(random, 2);
        }
    }

    private static void Counts(Random random, double[] row, double factor)
    {
        double[] means = [1, 2, 3, 5, 8, 10, 15, 20];
        for (var j = 0; j < 8; j++)
        {
            row[j] = Draw.Poisson(random, means[j] * (j < 3 ? factor : 1));
        }

        for (var j = 8; j < row.Length; j++)
        {
            row[j] = random.NextDouble() < 0.02 ? 1 : 0;
        }
    }
}
