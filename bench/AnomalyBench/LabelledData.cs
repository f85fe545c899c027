using Inspection.Rules.Anomalies;

namespace Inspection.Bench.AnomalyBench;

/// <summary>A generated data set with its anomalies marked.</summary>
internal sealed record LabelledData(string Name, FeatureMatrix Rows, bool[] Anomalous)
{
    public double AnomalyShare => Anomalous.Count(anomalous => anomalous) / (double)Anomalous.Length;
}
