namespace Inspection.Rules.Anomalies;

/// <summary>The detectors an <see cref="AnomalyEnsemble"/> combines; <see cref="All"/> by default.</summary>
[Flags]
public enum AnomalyMembers
{
    None = 0,

    /// <summary>ML.NET's RandomizedPca: distance from the rows' principal subspace, each component by its variance.</summary>
    Pca = 1,

    /// <summary>ECOD: how far into either tail of its own empirical distribution each feature lies.</summary>
    Ecod = 2,

    /// <summary>Isolation Forest: how few random axis-parallel cuts isolate a row.</summary>
    IsolationForest = 4,

    /// <summary>Mean distance to the nearest rows of a reference sample, on robustly scaled features.</summary>
    NearestNeighbours = 8,

    All = Pca | Ecod | IsolationForest | NearestNeighbours,
}
