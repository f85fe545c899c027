namespace Inspection.Silo.Models;

/// <summary>When the risk models train, and how small a peer group they learn from (section <c>Models</c>).</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Models";

    /// <summary>Whether the models train on their own schedule; when off, only an administrator's request trains them.</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>How long after a silo starts the first scheduled training comes: time for the first records to arrive.</summary>
    public TimeSpan FirstTraining { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the models train again (at least a minute, as reminders go).</summary>
    public TimeSpan TrainingInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The fewest members a peer group's anomaly model learns from; a smaller group is judged in a wider one.</summary>
    public int MinimumPeerGroup { get; set; } = 30;
}
