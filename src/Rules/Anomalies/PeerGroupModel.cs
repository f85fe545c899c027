using System.Security.Cryptography;
using System.Text;

namespace Inspection.Rules.Anomalies;

/// <summary>
/// One anomaly ensemble per peer group (sector × size × province), each fitted on the group's members, so
/// that an enterprise is judged against enterprises like it. A group with fewer members than
/// <c>minimumGroup</c> is judged in the next wider group that has enough (<see cref="PeerGroup.Widening"/>).
/// A feature most members lack (no monitoring station in the sector, say) is left out of the group's
/// model; one an enterprise alone lacks is taken at the group's median, so that a gap in the records is
/// neither usual nor unusual.
/// </summary>
public sealed class PeerGroupModel
{
    /// <summary>A feature is used in a group when at least this share of its members have it.</summary>
    private const double KnownShare = 0.8;

    private readonly Dictionary<PeerGroup, Fitted> groups;

    private PeerGroupModel(Dictionary<PeerGroup, Fitted> groups, string version)
    {
        this.groups = groups;
        Version = version;
    }

    /// <summary>The model's version: every group's ensemble version, hashed together.</summary>
    public string Version { get; }

    /// <summary>The groups fitted (some wider ones among them), with how many members each was fitted on.</summary>
    public IReadOnlyDictionary<PeerGroup, int> Groups => groups.ToDictionary(group => group.Key, group => group.Value.Members);

    /// <summary>Fits a model per group of at least <paramref name="minimumGroup"/> members, and the wider groups they fall back to.</summary>
    /// <param name="enterprises">Each enterprise's group and features (NaN where unknown), in the columns of <paramref name="names"/>.</param>
    public static PeerGroupModel Fit(IReadOnlyList<(PeerGroup Group, double[] Features)> enterprises, IReadOnlyList<string> names, int minimumGroup = 30, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(enterprises);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumGroup, AnomalyEnsemble.MinimumRows);
        var members = new Dictionary<PeerGroup, List<double[]>>();
        foreach (var (group, features) in enterprises)
        {
            if (features.Length != names.Count)
            {
                throw new ArgumentException($"Every enterprise needs {names.Count} features; one has {features.Length}.", nameof(enterprises));
            }

            foreach (var level in group.Widening())
            {
                if (!members.TryGetValue(level, out var list))
                {
                    members[level] = list = [];
                }

                list.Add(features);
            }
        }

        var fitted = new Dictionary<PeerGroup, Fitted>();
        foreach (var (group, rows) in members.Where(group => group.Value.Count >= minimumGroup).OrderBy(group => group.Key.ToString(), StringComparer.Ordinal))
        {
            if (FitGroup(rows, names, options) is { } model)
            {
                fitted[group] = model;
            }
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fitted.Select(group => $"{group.Key}={group.Value.Ensemble.Version}")))))[..16];
        return new PeerGroupModel(fitted, $"peer-groups/1:{version}");
    }

    /// <summary>Scores an enterprise in the narrowest fitted group it belongs to; null when none was fitted.</summary>
    public PeerScore? Score(PeerGroup group, double[] features, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(features);
        foreach (var level in group.Widening())
        {
            if (groups.TryGetValue(level, out var model))
            {
                var explanation = model.Ensemble.Explain(model.Project(features), top);
                return new PeerScore(
                    explanation.Score,
                    [.. explanation.Features.Select(feature => feature with { Index = model.Columns[feature.Index] })],
                    level,
                    Version);
            }
        }

        return null;
    }

    private static Fitted? FitGroup(List<double[]> rows, IReadOnlyList<string> names, AnomalyOptions? options)
    {
        var columns = Enumerable.Range(0, names.Count)
            .Where(column => rows.Count(row => double.IsFinite(row[column])) >= KnownShare * rows.Count)
            .ToArray();
        if (columns.Length == 0)
        {
            return null;
        }

        var medians = columns.Select(column => Median(rows.Select(row => row[column]).Where(double.IsFinite))).ToArray();
        var fitted = new Fitted(columns, medians, null!, rows.Count);
        var values = new double[rows.Count * columns.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            fitted.Project(rows[i]).CopyTo(values.AsSpan(i * columns.Length, columns.Length));
        }

        return fitted with { Ensemble = AnomalyEnsemble.Fit(new FeatureMatrix(values, columns.Length, [.. columns.Select(column => names[column])]), options) };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A group's ensemble, the feature columns it reads, and their medians, which stand in for a member's unknown values.</summary>
    private sealed record Fitted(int[] Columns, double[] Medians, AnomalyEnsemble Ensemble, int Members)
    {
        public double[] Project(double[] features)
        {
            var row = new double[Columns.Length];
            for (var i = 0; i < Columns.Length; i++)
            {
                var value = features[Columns[i]];
                row[i] = double.IsFinite(value) ? value : Medians[i];
            }

            return row;
        }
    }
}
