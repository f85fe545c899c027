namespace Inspection.Api.Ratio;

/// <summary>
/// The written counting rule of the remote-check ratio (section <c>Ratio</c>), and its targets. By
/// default a check counts once concluded, in the period of its conclusion, and counts as remote when it
/// was carried out remotely throughout: concluded in remote mode, never switched to on-site or hybrid
/// (no visit, all evidence through the platform).
/// </summary>
public sealed class RatioOptions
{
    public const string SectionName = "Ratio";

    /// <summary>The modes a check may have had, at any time, and still count as remote.</summary>
    public IList<string> RemoteModes { get; } = ["remote"];

    /// <summary>Whether a check counts by its final mode alone, whatever it was before (otherwise every mode it had must be remote).</summary>
    public bool FinalModeOnly { get; set; }

    /// <summary>Whether cancelled checks count as checks (never as remote).</summary>
    public bool CountCancelled { get; set; }

    /// <summary>The national targets by the year they apply from: 50 % from 2025, 70 % from 2030.</summary>
    public IDictionary<int, double> Targets { get; } = new Dictionary<int, double> { [2025] = 0.5, [2030] = 0.7 };
}
