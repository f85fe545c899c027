namespace Inspection.Bench.RulesBench.Translation;

/// <summary>A month's wastewater monitoring summary (environment/monitoring-summary) as RulesEngine reads it.</summary>
public sealed class MonitoringSummaryInput
{
    public string? StationId { get; init; }

    public double DischargeM3 { get; init; }

    public double CodMax { get; init; }

    public double CodLimit { get; init; }

    public double TssMax { get; init; }

    public double TssLimit { get; init; }

    public int HoursOverLimit { get; init; }

    public double UptimePercent { get; init; }
}
