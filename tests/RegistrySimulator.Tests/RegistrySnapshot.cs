using System.Text.Json;

namespace Inspection.RegistrySimulator.Tests;

/// <summary>The latest version of every record read off the feeds, typed per kind, as a rule engine reads them.</summary>
public sealed class RegistrySnapshot
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private RegistrySnapshot(IEnumerable<FeedRecord> latest)
    {
        foreach (var record in latest)
        {
            switch (record.Kind)
            {
                case "registration":
                    Registrations[record.EnterpriseCode] = record.Data.Deserialize<Registration>(Web)!;
                    break;
                case "vat-return":
                    VatReturns[(record.EnterpriseCode, record.Period!)] = record.Data.Deserialize<VatReturn>(Web)!;
                    break;
                case "contribution":
                    Contributions[(record.EnterpriseCode, record.Period!)] = record.Data.Deserialize<Contribution>(Web)!;
                    break;
                case "workforce-report":
                    WorkforceReports[(record.EnterpriseCode, record.Period!)] = record.Data.Deserialize<WorkforceReport>(Web)!;
                    break;
                case "accident-report":
                    Accidents[record.Id] = (record.EnterpriseCode, record.Period!, record.Data.Deserialize<AccidentReport>(Web)!);
                    break;
                case "monitoring-summary":
                    MonitoringSummaries[(record.EnterpriseCode, record.Period!)] = record.Data.Deserialize<MonitoringSummary>(Web)!;
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected kind '{record.Kind}' in {record.Id}.");
            }
        }
    }

    public Dictionary<string, Registration> Registrations { get; } = [];

    public Dictionary<(string Code, string Period), VatReturn> VatReturns { get; } = [];

    public Dictionary<(string Code, string Period), Contribution> Contributions { get; } = [];

    public Dictionary<(string Code, string Period), WorkforceReport> WorkforceReports { get; } = [];

    /// <summary>By record id, since an enterprise may have several accidents in a month.</summary>
    public Dictionary<string, (string Code, string Period, AccidentReport Report)> Accidents { get; } = [];

    public Dictionary<(string Code, string Period), MonitoringSummary> MonitoringSummaries { get; } = [];

    /// <summary>By enterprise, the first and last period of any of its records (a registration has none).</summary>
    public Dictionary<string, (string First, string Last)> Spans()
    {
        var spans = new Dictionary<string, (string First, string Last)>();
        var periods = VatReturns.Keys.Concat(Contributions.Keys).Concat(WorkforceReports.Keys).Concat(MonitoringSummaries.Keys)
            .Concat(Accidents.Values.Select(accident => (accident.Code, accident.Period)));
        foreach (var (code, period) in periods)
        {
            spans[code] = spans.TryGetValue(code, out var span)
                ? (string.CompareOrdinal(period, span.First) < 0 ? period : span.First, string.CompareOrdinal(period, span.Last) > 0 ? period : span.Last)
                : (period, period);
        }

        return spans;
    }

    /// <summary>Keeps the highest version of each id, as the platform's rules do.</summary>
    public static RegistrySnapshot Of(IEnumerable<FeedRecord> records) =>
        new(records.GroupBy(record => record.Id).Select(versions => versions.MaxBy(record => record.Version)!));

    public sealed record Registration(
        string Name, string Province, string ProvinceName, string Sector, DateOnly RegisteredOn, string Status, DateOnly StatusSince);

    public sealed record VatReturn(
        DateOnly PeriodStart,
        DateOnly DueDate,
        DateOnly FiledOn,
        long Revenue,
        long OutputVat,
        long InputVat,
        int InvoicesIssued,
        int PayrollHeadcount,
        int OverdueDays);

    public sealed record Contribution(int InsuredHeadcount, long ContributionDue, long ContributionPaid, int MonthsInArrears);

    public sealed record WorkforceReport(int ReportedWorkforce, DateOnly DueDate, DateOnly SubmittedOn);

    public sealed record AccidentReport(DateOnly OccurredOn, int SeriousInjuries, int Fatalities, string Declaration);

    public sealed record MonitoringSummary(
        string StationId,
        long DischargeM3,
        double CodMax,
        double CodLimit,
        double TssMax,
        double TssLimit,
        int HoursOverLimit,
        double UptimePercent);
}
