namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// One enterprise's registration and months before they are written as registry records, so that a
/// violation can be planted by changing a figure or removing a record.
/// </summary>
internal sealed class EnterprisePlan(string code, SectorProfile sector, List<MonthPlan> months)
{
    public string Code { get; } = code;

    public SectorProfile Sector { get; } = sector;

    public List<MonthPlan> Months { get; } = months;

    public List<AccidentPlan> Accidents { get; } = [];

    /// <summary>The usual workforce, which each month's payroll stays within 5% of.</summary>
    public int Headcount { get; set; }

    public bool HasRegistration { get; set; } = true;

    public DateOnly RegisteredOn { get; set; }

    /// <summary>The latest registration's status; a status other than the first is a second version of the record.</summary>
    public string Status { get; set; } = "active";

    public DateOnly StatusSince { get; set; }

    public bool StatusChanged { get; set; }

    public (string Code, string Name) Province { get; set; }

    public bool HasStation => Sector.HasStation;

    public string StationId => $"{Province.Code}-NT-{Code[^4..]}";
}
