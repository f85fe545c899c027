namespace Inspection.Bench.AnomalyBench;

/// <summary>ROC-AUC: the probability that a random anomaly scores above a random normal row (ties count half).</summary>
internal static class RocAuc
{
    public static double Of(double[] scores, bool[] anomalous)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort([.. scores], order);
        double rankSum = 0;
        long positives = 0;
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

        var negatives = scores.Length - positives;
        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
