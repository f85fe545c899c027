namespace Inspection.RegistrySimulator.Records;

/// <summary>Environment, kind <c>monitoring-summary</c>: a month of an automatic wastewater monitoring station.</summary>
internal sealed record MonitoringSummaryData(
    string StationId,
    long DischargeM3,
    double CodMax,
    int CodLimit,
    double TssMax,
    int TssLimit,
    int HoursOverLimit,
    double UptimePercent) : RecordData;
