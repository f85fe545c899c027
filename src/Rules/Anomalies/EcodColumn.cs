namespace Inspection.Rules.Anomalies;

/// <summary>
/// One feature's empirical tails, tabulated at its distinct sample values: for each, the surprise
/// −log((k + 1) / (n + 1)) of the k sample values at or below it and of those at or above it. The
/// smoothing keeps a value outside the sample's range finite, and a value every sample row shares
/// unsurprising. A value is looked up with one binary search and no logarithm.
/// </summary>
internal sealed class EcodColumn
{
    // Every 64th distinct value: small enough to stay in the L1 cache, it narrows a search of
    // thousands of values to one block of 64, so a lookup misses the cache once or twice, not a dozen times.
    private const int BlockSize = 64;

    private readonly double[] values;
    private readonly double[] index;
    private readonly double[] leftSurprises;
    private readonly double[] rightSurprises;
    private readonly double outside;

    private EcodColumn(double[] values, double[] leftSurprises, double[] rightSurprises, double outside)
    {
        this.values = values;
        this.leftSurprises = leftSurprises;
        this.rightSurprises = rightSurprises;
        this.outside = outside;
        index = [.. values.Where((_, i) => i % BlockSize == 0)];
    }

    public static EcodColumn Of(double[] sorted)
    {
        var n = sorted.Length;
        var values = new List<double>();
        var left = new List<double>();
        var right = new List<double>();
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end < n && sorted[end] == sorted[start])
            {
                end++;
            }

            values.Add(sorted[start]);
            left.Add(-Math.Log((end + 1.0) / (n + 1)));
            right.Add(-Math.Log((n - start + 1.0) / (n + 1)));
            start = end;
        }

        return new EcodColumn([.. values], [.. left], [.. right], -Math.Log(1.0 / (n + 1)));
    }

    public (double Left, double Right) Surprises(double value)
    {
        var block = LastAtOrBelow(index, 0, index.Length, value) * BlockSize;
        var at = LastAtOrBelow(values, block, Math.Min(BlockSize, values.Length - block), value);
        var below = at + (values[at] <= value ? 1 : 0);
        if (below > 0 && values[below - 1] == value)
        {
            return (leftSurprises[below - 1], rightSurprises[below - 1]);
        }

        // Between two sample values: as far into the left tail as the one below, into the right as the one above.
        return (below > 0 ? leftSurprises[below - 1] : outside, below < values.Length ? rightSurprises[below] : outside);
    }

    // The last position of values[start..start + length) holding at most value, or start when none does.
    // Its halving is a conditional move rather than a branch: a row's values fall anywhere, and a
    // branch on them would be a coin toss.
    private static int LastAtOrBelow(double[] values, int start, int length, double value)
    {
        var at = start;
        for (; length > 1; length -= length / 2)
        {
            var half = length / 2;
            at = values[at + half] <= value ? at + half : at;
        }

        return at;
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<double>(values);
        fingerprint.Add<double>(leftSurprises);
        fingerprint.Add<double>(rightSurprises);
    }
}
