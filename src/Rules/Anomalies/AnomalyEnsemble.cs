using System.Globalization;

namespace Inspection.Rules.Anomalies;

/// <summary>
/// An unsupervised anomaly detector for rows of numeric features (e.g. one enterprise's figures against
/// its peer group): fitted once on rows, it scores any row from 0 (usual) to 1 (more unusual than every
/// row it was fitted on) and tells which features make a row unusual. It combines ML.NET's
/// RandomizedPca, ECOD, an isolation forest and nearest-neighbour distances, each standardised on the
/// fitted rows' scores, so that shapes of data that mislead one detector are caught by the others.
/// </summary>
/// <remarks>
/// A fitted ensemble is immutable and safe to share between threads; <see cref="Version"/> names it.
/// The same rows, options and seed give the same model and version. Scoring one row allocates nothing.
/// </remarks>
public sealed class AnomalyEnsemble
{
    /// <summary>Fewest rows an ensemble can be fitted on.</summary>
    public const int MinimumRows = 3;

    private const string Format = "anomaly-ensemble/1";
    private const int BatchChunk = 4096;

    private readonly MemberSet members;
    private readonly RobustScale[] memberScales;
    private readonly ScoreCalibration calibration;

    private AnomalyEnsemble(FeatureMatrix rows, AnomalyOptions options, MemberSet members, RobustScale[] memberScales, ScoreCalibration calibration)
    {
        FeatureNames = rows.Names;
        Options = options;
        this.members = members;
        this.memberScales = memberScales;
        this.calibration = calibration;
        Version = Fingerprint();
    }

    /// <summary>The features' names, in column order; rows to score have these columns.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The options the ensemble was fitted with.</summary>
    public AnomalyOptions Options { get; }

    /// <summary>
    /// The detectors the ensemble combines: those asked for, less PCA where the rows have fewer than two
    /// varying features or fewer rows than twice as many (there is no subspace to learn).
    /// </summary>
    public AnomalyMembers Members => members.Members.Aggregate(AnomalyMembers.None, (all, member) => all | member.Kind);

    /// <summary>
    /// The model's version, <c>anomaly-ensemble/1:</c> and the first 16 hexadecimal digits of a SHA-256
    /// over every learnt parameter, its options and feature names: store it beside a score to say which
    /// model gave it.
    /// </summary>
    public string Version { get; }

    /// <summary>Fits an ensemble on <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumRows"/> rows, invalid options, or only PCA asked for
    /// where it cannot be fitted (see <see cref="Members"/>).</exception>
    public static AnomalyEnsemble Fit(FeatureMatrix rows, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= AnomalyOptions.Default;
        options.Validate();
        if (rows.Rows < MinimumRows)
        {
            throw new ArgumentException($"An anomaly ensemble needs at least {MinimumRows} rows to learn what is usual; {rows.Rows} were given.", nameof(rows));
        }

        var random = new Random(options.Seed);
        var members = MemberSet.Fit(rows, options, random);
        var calibrationSample = Sampling.WithoutReplacement(rows.Rows, options.CalibrationSampleSize, random);

        // Each member's scores on the calibration rows give its robust scale; their mean, the calibration.
        var memberScores = new double[calibrationSample.Length * members.Count];
        Parallel.For(0, (calibrationSample.Length + BatchChunk - 1) / BatchChunk, chunk =>
        {
            var end = Math.Min(calibrationSample.Length, (chunk + 1) * BatchChunk);
            for (var i = chunk * BatchChunk; i < end; i++)
            {
                members.Score(rows.Row(calibrationSample[i]), memberScores.AsSpan(i * members.Count, members.Count));
            }
        });

        var scales = new RobustScale[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            // A member that scores every fitted row alike (all rows equal) still says how much more
            // unusual another row is, in its own unit.
            var scale = RobustScale.Of([.. Enumerable.Range(0, calibrationSample.Length).Select(i => memberScores[(i * members.Count) + m])]);
            scales[m] = scale.IsConstant ? scale with { Spread = 1 } : scale;
        }

        var combined = new double[calibrationSample.Length];
        for (var i = 0; i < combined.Length; i++)
        {
            combined[i] = Combine(memberScores.AsSpan(i * members.Count, members.Count), scales);
        }

        return new AnomalyEnsemble(rows, options, members, scales, ScoreCalibration.Fit(combined));
    }

    /// <summary>Scores one row: 0 is usual, 1 more unusual than every row the model was fitted on.</summary>
    /// <exception cref="ArgumentException">The row has the wrong number of features, or a NaN or infinite one (named).</exception>
    public double Score(ReadOnlySpan<double> row)
    {
        Validate(row);
        return ScoreValid(row);
    }

    /// <summary>Scores every row, in order, on all cores.</summary>
    /// <exception cref="ArgumentException">The rows have other columns than the model.</exception>
    public double[] Score(FeatureMatrix rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Columns != FeatureNames.Count)
        {
            throw new ArgumentException($"The rows have {rows.Columns} features; the model was fitted on {FeatureNames.Count}.", nameof(rows));
        }

        var scores = new double[rows.Rows];
        Parallel.For(0, (rows.Rows + BatchChunk - 1) / BatchChunk, chunk =>
        {
            var end = Math.Min(rows.Rows, (chunk + 1) * BatchChunk);
            for (var start = chunk * BatchChunk; start < end; start += ScoringScratch.BlockRows)
            {
                ScoreBlock(rows, start, scores.AsSpan(start, Math.Min(ScoringScratch.BlockRows, end - start)));
            }
        });
        return scores;
    }

    /// <summary>
    /// Scores a row and names the <paramref name="top"/> features that make it unusual. Each member
    /// splits its score among the features (ECOD by tail surprise, nearest neighbours and PCA by squared
    /// differences, the forest by the cuts on the row's paths); the members that find the row unusual
    /// are weighted by how unusual, so the features named are those behind the score.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Score(ReadOnlySpan{double})"/>, or <paramref name="top"/> below 1.</exception>
    public AnomalyExplanation Explain(ReadOnlySpan<double> row, int top = 3)
    {
        Validate(row);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var columns = FeatureNames.Count;
        var scaled = new float[members.Scaler.Active.Length];
        members.Scaler.Scale(row, scaled);
        var standardised = new double[members.Count];
        members.Score(row, standardised);
        for (var m = 0; m < members.Count; m++)
        {
            standardised[m] = memberScales[m].Standardize(standardised[m]);
        }

        var weights = standardised.Select(z => Math.Max(0, z)).ToArray();
        if (weights.Sum() == 0)
        {
            Array.Fill(weights, 1.0);
        }

        var shares = new double[columns];
        var own = new double[columns];
        var weightUsed = 0.0;
        for (var m = 0; m < members.Count; m++)
        {
            Array.Clear(own);
            members.Members[m].Contribute(row, scaled, own);
            var total = own.Sum();
            if (total > 0 && weights[m] > 0)
            {
                for (var j = 0; j < columns; j++)
                {
                    shares[j] += weights[m] * own[j] / total;
                }

                weightUsed += weights[m];
            }
        }

        var rowValues = row.ToArray();
        var features = Enumerable.Range(0, columns)
            .Select(j => new FeatureContribution(j, FeatureNames[j], rowValues[j], members.Scaler.Medians[j], weightUsed == 0 ? 1.0 / columns : shares[j] / weightUsed))
            .OrderByDescending(feature => feature.Share)
            .ThenBy(feature => feature.Index)
            .Take(top)
            .ToArray();
        return new AnomalyExplanation(Score(row), Version, features);
    }

    // The mean of the members' robust z-scores: no member's unit or spread outweighs another's.
    private static double Combine(ReadOnlySpan<double> scores, RobustScale[] scales)
    {
        var total = 0.0;
        for (var m = 0; m < scores.Length; m++)
        {
            total += scales[m].Standardize(scores[m]);
        }

        return total / scores.Length;
    }

    private double ScoreValid(ReadOnlySpan<double> row)
    {
        var scores = members.Scratch().MemberScores.AsSpan(0, members.Count);
        members.Score(row, scores);
        return calibration.Calibrate(Combine(scores, memberScales));
    }

    private void ScoreBlock(FeatureMatrix rows, int start, Span<double> scores)
    {
        var count = scores.Length;
        var memberScores = members.Scratch().MemberBlock.AsSpan(0, count * members.Count);
        members.Score(rows, start, count, memberScores);
        Span<double> rowScores = stackalloc double[members.Count];
        for (var i = 0; i < count; i++)
        {
            for (var m = 0; m < members.Count; m++)
            {
                rowScores[m] = memberScores[(m * count) + i];
            }

            scores[i] = calibration.Calibrate(Combine(rowScores, memberScales));
        }
    }

    private void Validate(ReadOnlySpan<double> row)
    {
        if (row.Length != FeatureNames.Count)
        {
            throw new ArgumentException($"The row has {row.Length} features; the model was fitted on {FeatureNames.Count}.", nameof(row));
        }

        for (var j = 0; j < row.Length; j++)
        {
            if (!double.IsFinite(row[j]))
            {
                throw new ArgumentException($"Column '{FeatureNames[j]}' is {row[j].ToString(CultureInfo.InvariantCulture)}; every value must be a finite number.", nameof(row));
            }
        }
    }

    private string Fingerprint()
    {
        using var fingerprint = new ModelFingerprint();
        fingerprint.Add(Format);
        fingerprint.Add(Options.ToString());
        foreach (var name in FeatureNames)
        {
            fingerprint.Add(name);
        }

        members.AddTo(fingerprint);
        foreach (var scale in memberScales)
        {
            fingerprint.Add(scale.Median);
            fingerprint.Add(scale.Spread);
        }

        calibration.AddTo(fingerprint);
        return $"{Format}:{fingerprint.Finish()[..16]}";
    }
}
