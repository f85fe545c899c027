using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// How a rule is broken on purpose (<see cref="Kind"/>); <see cref="Variant"/> is the record variant a
/// <see cref="PlantingKind.Filing"/>, <see cref="PlantingKind.UninsuredWorkforce"/>, <see cref="PlantingKind.RevenueCollapse"/>
/// or <see cref="PlantingKind.Station"/> planting gives its month's records,
/// <see cref="Status"/> the status a status planting changes to.
/// </summary>
internal sealed record Planting(string RuleId, PlantingKind Kind, Registry Registry, byte Variant = 0, EnterpriseStatus Status = EnterpriseStatus.Active)
{
    public bool ChangesStatus => Status != EnterpriseStatus.Active;

    /// <summary>Only an enterprise with a monitoring station can break the rule.</summary>
    public bool NeedsStation => Registry == Registry.Environment;

    /// <summary>The rule is about a half-year workforce report, so the history needs a June or December.</summary>
    public bool NeedsWorkforceReport => Kind is PlantingKind.LateReport or PlantingKind.UninsuredWorkforce or PlantingKind.MissingReport;

    /// <summary>
    /// The rule is broken by a record that was never published, which only the generated history can leave
    /// out: once published, a record cannot be withdrawn.
    /// </summary>
    public bool LeavesRecordOut => Kind is PlantingKind.MissingReturn or PlantingKind.MissingReport;

    /// <summary>
    /// History months the planted month needs before it: a status change, a month in which the enterprise still
    /// traded; a revenue collapse, the three months its revenue is measured against.
    /// </summary>
    public int EarlierMonths => Kind == PlantingKind.RevenueCollapse ? 3 : ChangesStatus ? 1 : 0;

    /// <summary>
    /// History months the planted month needs after it: a missing return is flagged ten days after its due date,
    /// the 20th of the next month; leaving out none of the last two months keeps that day well in the past
    /// whenever the history is read (from the month after its last on).
    /// </summary>
    public int LaterMonths => Kind == PlantingKind.MissingReturn ? 2 : 0;

    public MonthVariant MonthVariant => (MonthVariant)Variant;

    public StationVariant StationVariant => (StationVariant)Variant;
}
