namespace Inspection.Silo.Grains;

/// <summary>
/// What an enterprise grain must remember across restarts: whether it is monitored, where it stopped
/// reading each registry, and which flags are open. The records themselves live in the evidence store.
/// </summary>
[GenerateSerializer, Alias("Inspection.EnterpriseState")]
public sealed class EnterpriseState
{
    [Id(0)]
    public bool Monitored { get; set; }

    /// <summary>The next-cursor of the last page stored, per registry id.</summary>
    [Id(1)]
    public Dictionary<string, string> Cursors { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public HashSet<string> OpenFlagIds { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public double RiskScore { get; set; }

    [Id(4)]
    public DateTimeOffset? LastPulledAt { get; set; }

    /// <summary>The grain's own key, kept in the state so that stored states can be read without Orleans.</summary>
    [Id(5)]
    public string? EnterpriseCode { get; set; }

    /// <summary>What the risk models last made of the enterprise; null before their first training.</summary>
    [Id(6)]
    public Contracts.Models.ModelScores? Models { get; set; }
}
