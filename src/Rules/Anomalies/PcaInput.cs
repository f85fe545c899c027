namespace Inspection.Rules.Anomalies;

/// <summary>A scaled row as ML.NET reads it.</summary>
internal sealed class PcaInput
{
    /// <summary>The row's robustly scaled features.</summary>
    public float[] Features { get; set; } = [];
}
