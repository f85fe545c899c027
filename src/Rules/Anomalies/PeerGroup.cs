namespace Inspection.Rules.Anomalies;

/// <summary>
/// An enterprise's peers (nhóm so sánh): its sector, size band (by payroll headcount) and province. A
/// group too small to learn from falls back to the same sector and size nationwide, then the sector,
/// then everyone (see <see cref="PeerGroupModel"/>).
/// </summary>
public sealed record PeerGroup(string Sector, string SizeBand, string Province)
{
    public const string Any = "*";

    /// <summary>Micro (under 10), small (10–49), medium (50–249) or large (250 or more), as the payroll headcount says; unknown without one.</summary>
    public static string SizeBandOf(double payrollHeadcount) => payrollHeadcount switch
    {
        double.NaN => "unknown",
        < 10 => "micro",
        < 50 => "small",
        < 250 => "medium",
        _ => "large",
    };

    /// <summary>The groups this one falls back to, narrowest first: itself, nationwide, the sector alone, everyone.</summary>
    public IEnumerable<PeerGroup> Widening()
    {
        yield return this;
        yield return this with { Province = Any };
        yield return this with { Province = Any, SizeBand = Any };
        yield return new PeerGroup(Any, Any, Any);
    }

    public override string ToString() => $"{Sector}/{SizeBand}/{Province}";
}
