using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Inspection.Rules.Supervised;

/// <summary>
/// The supervised risk model (mô hình học có giám sát): ML.NET's FastTree boosted trees, learnt from past
/// inspection outcomes (violation found or not) against the enterprises' features, giving the
/// probability that an inspection would find a violation. A missing feature (NaN) is read as a value
/// below every known one, so that a tree can tell it apart: FastTree given NaN itself skips every row that
/// carries one, and learns from what is left, or from nothing.
/// Immutable once trained; <see cref="Version"/> names it in every score it gives.
/// </summary>
public sealed class SupervisedRiskModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly int _features;

    private SupervisedRiskModel(MLContext ml, ITransformer model, int features, string version)
    {
        _ml = ml;
        _model = model;
        _features = features;
        Version = version;
    }

    /// <summary>A fingerprint of the training outcomes and options: the same data gives the same version.</summary>
    public string Version { get; }

    /// <summary>
    /// Trains on the rows (features of one enterprise, and whether its inspection found a violation) and
    /// reports the mean ROC-AUC of a k-fold cross-validation; steps aside when there are fewer outcomes
    /// than <see cref="SupervisedOptions.MinOutcomes"/> or too few of either kind to learn from.
    /// </summary>
    public static SupervisedTraining Train(IReadOnlyList<double[]> features, IReadOnlyList<bool> found, SupervisedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(found);
        if (features.Count != found.Count)
        {
            throw new ArgumentException($"{features.Count} rows of features but {found.Count} outcomes.", nameof(found));
        }

        options ??= new SupervisedOptions();
        var violations = found.Count(f => f);
        var clean = found.Count - violations;
        if (found.Count < options.MinOutcomes)
        {
            return new SupervisedTraining(null, null, found.Count, violations,
                $"only {found.Count} past inspection outcomes are known; the model learns from {options.MinOutcomes} or more");
        }

        if (Math.Min(violations, clean) < options.MinPerClass)
        {
            return new SupervisedTraining(null, null, found.Count, violations,
                $"{violations} inspections found a violation and {clean} did not; the model needs {options.MinPerClass} or more of each");
        }

        var width = features[0].Length;
        if (features.Any(row => row.Length != width))
        {
            throw new ArgumentException("Every row must have the same number of features.", nameof(features));
        }

        var ml = new MLContext(options.Seed);
        var rows = features.Select((row, i) => new Example { Features = Known(row), Found = found[i] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor(ml, width));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(Example.Found),
            FeatureColumnName = nameof(Example.Features),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = Math.Max(10, found.Count / 20),
            LearningRate = options.LearningRate,
            Seed = options.Seed,
        });
        var folds = ml.BinaryClassification.CrossValidate(data, trainer, numberOfFolds: options.Folds, labelColumnName: nameof(Example.Found), seed: options.Seed);
        var auc = folds.Average(fold => fold.Metrics.AreaUnderRocCurve);
        var model = trainer.Fit(data);
        return new SupervisedTraining(new SupervisedRiskModel(ml, model, width, Fingerprint(features, found, options)), auc, found.Count, violations, null);
    }

    /// <summary>The probability that an inspection of each enterprise would find a violation, in the order given.</summary>
    public double[] Predict(IReadOnlyList<double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Any(row => row.Length != _features))
        {
            throw new ArgumentException($"The model reads {_features} features a row.", nameof(features));
        }

        var data = _ml.Data.LoadFromEnumerable(features.Select(row => new Example { Features = Known(row) }), SchemaFor(_ml, _features));
        return [.. _ml.Data.CreateEnumerable<Prediction>(_model.Transform(data), reuseRowObject: false).Select(p => (double)p.Probability)];
    }

    private static float[] Known(double[] row) => [.. row.Select(value => double.IsNaN(value) ? float.MinValue : (float)value)];

    private static SchemaDefinition SchemaFor(MLContext ml, int width)
    {
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private static string Fingerprint(IReadOnlyList<double[]> features, IReadOnlyList<bool> found, SupervisedOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(options.ToString()));
        for (var i = 0; i < features.Count; i++)
        {
            foreach (var value in features[i])
            {
                hash.AppendData(BitConverter.GetBytes(value));
            }

            hash.AppendData([found[i] ? (byte)1 : (byte)0]);
        }

        return "fasttree-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private sealed class Example
    {
        public float[] Features { get; set; } = [];

        public bool Found { get; set; }
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }
}
