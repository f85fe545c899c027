namespace Inspection.Rules.Anomalies;

/// <summary>
/// How an <see cref="AnomalyEnsemble"/> is fitted. The defaults suit tens of rows to millions; the
/// sample sizes bound the cost of fitting and the size of the model, not its accuracy on typical data.
/// </summary>
public sealed record AnomalyOptions
{
    private const int MaxTreeSampleSize = 8192;

    /// <summary>The default options.</summary>
    public static AnomalyOptions Default { get; } = new();

    /// <summary>Seed of every random choice: the same rows, options and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The detectors to combine.</summary>
    public AnomalyMembers Members { get; init; } = AnomalyMembers.All;

    /// <summary>Trees of the isolation forest (100 by default, as in its paper).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>
    /// Rows each isolation tree is grown on (256 by default, as in its paper); at most 8,192, because
    /// every tree is stored to its full height, log2 of this.
    /// </summary>
    public int TreeSampleSize { get; init; } = 256;

    /// <summary>Neighbours whose distances are averaged (10 by default; at most a quarter of the reference rows).</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>
    /// Rows of the reference sample the nearest neighbours are searched in; it bounds scoring cost. 512 by
    /// default: on the benchmark's data sets (bench/AnomalyBench) 1,024 gained no accuracy and cost a
    /// third more scoring time.
    /// </summary>
    public int ReferenceSize { get; init; } = 512;

    /// <summary>Rows the feature scales, the empirical distributions and the principal components are learnt from.</summary>
    public int FitSampleSize { get; init; } = 10_000;

    /// <summary>Rows whose scores standardise the members and calibrate the combined score.</summary>
    public int CalibrationSampleSize { get; init; } = 20_000;

    internal void Validate()
    {
        if ((Members & AnomalyMembers.All) == AnomalyMembers.None || (Members & ~AnomalyMembers.All) != AnomalyMembers.None)
        {
            throw new ArgumentException($"Members must name at least one detector and only known ones, not '{Members}'.", nameof(Members));
        }

        RequireAtLeast(Trees, 1, nameof(Trees));
        RequireAtLeast(TreeSampleSize, 2, nameof(TreeSampleSize));
        if (TreeSampleSize > MaxTreeSampleSize)
        {
            throw new ArgumentException($"{nameof(TreeSampleSize)} must be at most {MaxTreeSampleSize}, not {TreeSampleSize}.", nameof(TreeSampleSize));
        }

        RequireAtLeast(Neighbours, 1, nameof(Neighbours));
        RequireAtLeast(ReferenceSize, 2, nameof(ReferenceSize));
        RequireAtLeast(FitSampleSize, 3, nameof(FitSampleSize));
        RequireAtLeast(CalibrationSampleSize, 3, nameof(CalibrationSampleSize));
    }

    private static void RequireAtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"{name} must be at least {minimum}, not {value}.", name);
        }
    }
}
