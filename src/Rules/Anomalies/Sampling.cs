namespace Inspection.Rules.Anomalies;

/// <summary>Deterministic samples of row indices.</summary>
internal static class Sampling
{
    /// <summary>
    /// <paramref name="size"/> distinct rows of <paramref name="rows"/> (all of them when there are no
    /// more), in row order. Floyd's algorithm costs O(size) whatever the number of rows, so a tree of
    /// 256 rows out of millions costs no more than out of thousands.
    /// </summary>
    public static int[] WithoutReplacement(int rows, int size, Random random)
    {
        if (size >= rows)
        {
            return [.. Enumerable.Range(0, rows)];
        }

        var chosen = new HashSet<int>(size);
        for (var candidate = rows - size; candidate < rows; candidate++)
        {
            var pick = random.Next(0, candidate + 1);
            chosen.Add(chosen.Contains(pick) ? candidate : pick);
        }

        var sample = chosen.ToArray();
        Array.Sort(sample);
        return sample;
    }
}
