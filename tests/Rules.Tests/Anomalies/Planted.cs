using Inspection.Rules.Anomalies;

namespace Inspection.Rules.Tests.Anomalies;

/// <summary>Generated rows with known anomalies, and the ranking measure the tests hold them to.</summary>
internal static class Planted
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Standard normal rows; each anomaly has one feature (cycling through them) pushed 6 to 9 units out.</summary>
    public static (FeatureMatrix Rows, bool[] Anomalous) GaussianWithOutliers(int inliers, int outliers, int features, int seed)
    {
        var random = new Random(seed);
        var values = new double[(inliers + outliers) * features];
        var anomalous = new bool[inliers + outliers];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Gaussian(random);
        }

        for (var k = 0; k < outliers; k++)
        {
            var row = inliers + k;
            anomalous[row] = true;
            var sign = k % 2 == 0 ? 1 : -1;
            values[(row * features) + (k % features)] = sign * (6 + (3 * random.NextDouble()));
        }

        return (new FeatureMatrix(values, features), anomalous);
    }

    /// <summary>The probability that a random anomaly scores above a random inlier (ties count half).</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> anomalous)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        var positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            var midRank = (start + end + 1) / 2.0;
            for (var i = start; i < end; i++)
            {
                if (anomalous[order[i]])
                {
                    rankSum += midRank;
                    positives++;
                }
            }

            start = end;
        }

        var negatives = scores.Count - positives;
        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
