using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Inspection.Rules.Anomalies;

/// <summary>
/// ML.NET's RandomizedPca learns the principal components of the scaled rows; a row's score is its
/// Mahalanobis distance in that basis (each component's projection over its variance, and the residual
/// outside the learnt components over the residual variance per dimension). ML.NET's own score, the
/// residual over the distance from the mean, discards magnitude: a row a hundred spreads out along the
/// main component would score zero. The projection is computed here with ML.NET's eigenvectors, in a
/// plain loop, because ML.NET's prediction engine costs an allocation and a cursor per row.
/// </summary>
internal sealed class PcaMember : IAnomalyMember
{
    // Enough components for any shape of the ensemble's inputs; the residual accounts for the rest.
    private const int MaxRank = 64;

    // A component with almost no variance (collinear features) would turn rounding into anomalies.
    private const double VarianceFloor = 1e-3;

    private readonly int[] active;
    private readonly double[] mean;
    private readonly double[] components; // component i's loading on feature j at [i * features + j]
    private readonly double[] inverseVariances;
    private readonly double inverseResidualVariance;
    private readonly int rank;

    private PcaMember(int[] active, double[] mean, double[] components, double[] inverseVariances, double inverseResidualVariance)
    {
        this.active = active;
        this.mean = mean;
        this.components = components;
        this.inverseVariances = inverseVariances;
        this.inverseResidualVariance = inverseResidualVariance;
        rank = inverseVariances.Length;
    }

    public AnomalyMembers Kind => AnomalyMembers.Pca;

    /// <summary>
    /// The member for these rows, or null where no subspace can be learnt: under two varying features, or
    /// fewer rows than twice as many. With few rows per feature the components are fitted to the rows
    /// themselves, anomalies included, and span them: on the benchmark's 60 rows of 200 features the
    /// scattered anomalies ranked last.
    /// </summary>
    public static PcaMember? Fit(FeatureMatrix rows, FeatureScaler scaler, int[] sample, int seed)
    {
        var features = scaler.Active.Length;
        if (features < 2 || sample.Length < 2 * features)
        {
            return null;
        }

        var scaled = new PcaInput[sample.Length];
        for (var i = 0; i < sample.Length; i++)
        {
            scaled[i] = new PcaInput { Features = new float[features] };
            scaler.Scale(rows.Row(sample[i]), scaled[i].Features);
        }

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(PcaInput));
        schema[nameof(PcaInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var data = ml.Data.LoadFromEnumerable(scaled, schema);
        var rank = Math.Min(features, MaxRank);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(PcaInput.Features),
            Rank = rank,
            EnsureZeroMean = true,
            Seed = seed,
        });
        var model = trainer.Fit(data).Model;

        VBuffer<float>[] eigenVectors = [];
        model.GetEigenVectors(ref eigenVectors, out rank);
        var learntMean = default(VBuffer<float>);
        model.GetMean(ref learntMean);

        var mean = learntMean.DenseValues().Select(value => (double)value).ToArray();
        var components = new double[rank * features];
        for (var i = 0; i < rank; i++)
        {
            var vector = eigenVectors[i].DenseValues().Select(value => (double)value).ToArray();
            var norm = Math.Sqrt(vector.Sum(value => value * value));
            for (var j = 0; j < features; j++)
            {
                components[(i * features) + j] = vector[j] / norm;
            }
        }

        return FromComponents(scaler.Active, mean, components, rank, scaled);
    }

    public double Score(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, ScoringScratch scratch)
    {
        var features = active.Length;
        var distance = 0.0;
        for (var j = 0; j < features; j++)
        {
            var centred = scaled[j] - mean[j];
            distance += centred * centred;
        }

        var explained = 0.0;
        var weighted = 0.0;
        for (var i = 0; i < rank; i++)
        {
            var projection = Project(scaled, i);
            explained += projection * projection;
            weighted += projection * projection * inverseVariances[i];
        }

        return Math.Sqrt(weighted + (Math.Max(0, distance - explained) * inverseResidualVariance));
    }

    // A component's share goes to each feature by its squared loading; the residual by its square.
    public void Contribute(ReadOnlySpan<double> raw, ReadOnlySpan<float> scaled, Span<double> contributions)
    {
        var features = active.Length;
        var residual = new double[features];
        for (var j = 0; j < features; j++)
        {
            residual[j] = scaled[j] - mean[j];
        }

        for (var i = 0; i < rank; i++)
        {
            var projection = Project(scaled, i);
            for (var j = 0; j < features; j++)
            {
                var loading = components[(i * features) + j];
                contributions[active[j]] += projection * projection * inverseVariances[i] * loading * loading;
                residual[j] -= projection * loading;
            }
        }

        for (var j = 0; j < features; j++)
        {
            contributions[active[j]] += residual[j] * residual[j] * inverseResidualVariance;
        }
    }

    public void AddTo(ModelFingerprint fingerprint)
    {
        fingerprint.Add<int>(active);
        fingerprint.Add<double>(mean);
        fingerprint.Add<double>(components);
        fingerprint.Add<double>(inverseVariances);
        fingerprint.Add(inverseResidualVariance);
    }

    // The variances are measured on the rows the components were learnt from.
    private static PcaMember FromComponents(int[] active, double[] mean, double[] components, int rank, PcaInput[] rows)
    {
        var features = active.Length;
        var variances = new double[rank];
        var total = 0.0;
        var probe = new PcaMember(active, mean, components, new double[rank], 0);
        foreach (var row in rows)
        {
            for (var j = 0; j < features; j++)
            {
                var centred = row.Features[j] - mean[j];
                total += centred * centred;
            }

            for (var i = 0; i < rank; i++)
            {
                var projection = probe.Project(row.Features, i);
                variances[i] += projection * projection;
            }
        }

        var explained = variances.Sum();
        var floor = VarianceFloor * Math.Max(total / rows.Length / features, double.Epsilon);
        var inverseVariances = variances.Select(variance => 1 / Math.Max(variance / rows.Length, floor)).ToArray();
        var residualVariance = (total - explained) / rows.Length / Math.Max(1, features - rank);
        var inverseResidual = rank == features ? 0 : 1 / Math.Max(residualVariance, floor);
        return new PcaMember(active, mean, components, inverseVariances, inverseResidual);
    }

    private double Project(ReadOnlySpan<float> scaled, int component)
    {
        var features = active.Length;
        var offset = component * features;
        var projection = 0.0;
        for (var j = 0; j < features; j++)
        {
            projection += (scaled[j] - mean[j]) * components[offset + j];
        }

        return projection;
    }
}
