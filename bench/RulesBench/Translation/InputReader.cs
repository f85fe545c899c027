using System.Globalization;
using Inspection.Rules;

namespace Inspection.Bench.RulesBench.Translation;

/// <summary>
/// Reads an enterprise's registry records into RulesEngine's typed input, once, before any rule runs (as
/// a <see cref="FactSet"/> parses them when it remembers them): the latest version of each record id,
/// the registration of the highest version, and each month of the span with its records.
/// </summary>
internal static class InputReader
{
    public static EnterpriseInput Read(string code, IEnumerable<FactRecord> records, DateOnly asOf)
    {
        var latest = new Dictionary<(string, string), FactRecord>();
        foreach (var record in records)
        {
            if (!latest.TryGetValue((record.Registry, record.RecordId), out var known) || known.Version < record.Version)
            {
                latest[(record.Registry, record.RecordId)] = record;
            }
        }

        RegistrationInput? registration = null;
        var registrationVersion = 0;
        var byMonth = new SortedDictionary<int, MonthRecords>();
        var accidents = new List<AccidentReportInput>();
        foreach (var record in latest.Values)
        {
            if (record.Kind == "registration")
            {
                if (record.Version > registrationVersion)
                {
                    (registration, registrationVersion) = (Registration(record), record.Version);
                }

                continue;
            }

            var start = DateOnly.ParseExact(record.Period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var index = Index(start);
            if (!byMonth.TryGetValue(index, out var month))
            {
                byMonth[index] = month = new MonthRecords(record.Period!, start);
            }

            switch (record.Kind)
            {
                case "vat-return":
                    month.Tax = Single(month.Tax, record, VatReturn(record));
                    break;
                case "contribution":
                    month.Contribution = Single(month.Contribution, record, Contribution(record));
                    break;
                case "workforce-report":
                    month.Workforce = Single(month.Workforce, record, WorkforceReport(record));
                    break;
                case "monitoring-summary":
                    month.Monitoring = Single(month.Monitoring, record, MonitoringSummary(record));
                    break;
                case "accident-report":
                    accidents.Add(AccidentReport(record, month));
                    break;
                default:
                    throw new InvalidOperationException($"{record.Registry}/{record.Kind} records are not read by the shipped pack.");
            }
        }

        var months = new List<MonthInput>();
        if (byMonth.Count > 0)
        {
            // Every month of the span, the empty ones too: a calendar rule judges them all.
            for (var index = byMonth.Keys.First(); index <= byMonth.Keys.Last(); index++)
            {
                var month = byMonth.TryGetValue(index, out var known) ? known : new MonthRecords(Period(index), new DateOnly(index / 12, (index % 12) + 1, 1));
                months.Add(new MonthInput
                {
                    Period = month.Period,
                    Start = Day(month.Start),
                    Index = index,
                    Tax = month.Tax,
                    Contribution = month.Contribution,
                    Workforce = month.Workforce,
                    Monitoring = month.Monitoring,
                });
            }
        }

        return new EnterpriseInput
        {
            Code = code,
            AsOf = Day(asOf),
            AsOfIndex = Index(asOf),
            Registration = registration,
            Months = months,
            LastIndex = months.Count > 0 ? months[^1].Index : int.MinValue,
            Accidents = [.. accidents.OrderBy(accident => accident.Start)],
        };
    }

    private static T Single<T>(T? known, FactRecord record, T read)
        where T : class =>
        known is null ? read : throw new InvalidOperationException($"Two {record.Kind} records in {record.Period}: the input holds one a month.");

    private static int Index(DateOnly day) => (day.Year * 12) + day.Month - 1;

    private static string Period(int index) => string.Create(CultureInfo.InvariantCulture, $"{index / 12:D4}-{(index % 12) + 1:D2}");

    private static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    private static RegistrationInput Registration(FactRecord record) => new()
    {
        Name = record.Fields.GetValueOrDefault("name"),
        Province = record.Fields.GetValueOrDefault("province"),
        ProvinceName = record.Fields.GetValueOrDefault("provinceName"),
        Sector = record.Fields.GetValueOrDefault("sector"),
        VsicCode = record.Fields.GetValueOrDefault("vsicCode"),
        VsicVersion = record.Fields.GetValueOrDefault("vsicVersion"),
        CharterCapital = Number(record, "charterCapital"),
        RegisteredOn = Date(record, "registeredOn"),
        Status = record.Fields.GetValueOrDefault("status"),
        StatusSince = Date(record, "statusSince"),
    };

    private static VatReturnInput VatReturn(FactRecord record) => new()
    {
        PeriodStart = Date(record, "periodStart"),
        DueDate = Date(record, "dueDate"),
        FiledOn = Date(record, "filedOn"),
        Revenue = Number(record, "revenue"),
        OutputVat = Number(record, "outputVat"),
        InputVat = Number(record, "inputVat"),
        InvoicesIssued = Count(record, "invoicesIssued"),
        PayrollHeadcount = Count(record, "payrollHeadcount"),
        OverdueDays = Count(record, "overdueDays"),
    };

    private static ContributionInput Contribution(FactRecord record) => new()
    {
        InsuredHeadcount = Count(record, "insuredHeadcount"),
        ContributionDue = Number(record, "contributionDue"),
        ContributionPaid = Number(record, "contributionPaid"),
        MonthsInArrears = Count(record, "monthsInArrears"),
    };

    private static WorkforceReportInput WorkforceReport(FactRecord record) => new()
    {
        ReportedWorkforce = Count(record, "reportedWorkforce"),
        DueDate = Date(record, "dueDate"),
        SubmittedOn = Date(record, "submittedOn"),
    };

    private static MonitoringSummaryInput MonitoringSummary(FactRecord record) => new()
    {
        StationId = record.Fields.GetValueOrDefault("stationId"),
        DischargeM3 = Number(record, "dischargeM3"),
        CodMax = Number(record, "codMax"),
        CodLimit = Number(record, "codLimit"),
        TssMax = Number(record, "tssMax"),
        TssLimit = Number(record, "tssLimit"),
        HoursOverLimit = Count(record, "hoursOverLimit"),
        UptimePercent = Number(record, "uptimePercent"),
    };

    private static AccidentReportInput AccidentReport(FactRecord record, MonthRecords month) => new()
    {
        Period = month.Period,
        Start = Day(month.Start),
        OccurredOn = Date(record, "occurredOn"),
        SeriousInjuries = Count(record, "seriousInjuries"),
        Fatalities = Count(record, "fatalities"),
        Declaration = record.Fields.GetValueOrDefault("declaration"),
    };

    // The generated records always carry these values; a typed input has no room for an unknown one.
    private static double Number(FactRecord record, string field) =>
        double.Parse(Required(record, field), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Count(FactRecord record, string field) =>
        int.Parse(Required(record, field), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static DateTime Date(FactRecord record, string field) =>
        DateTime.ParseExact(Required(record, field), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Required(FactRecord record, string field) =>
        record.Fields.GetValueOrDefault(field) ?? throw new InvalidOperationException($"{record.RecordId} has no {field}.");

    /// <summary>One month's records while they are gathered.</summary>
    private sealed class MonthRecords(string period, DateOnly start)
    {
        public string Period { get; } = period;

        public DateOnly Start { get; } = start;

        public VatReturnInput? Tax { get; set; }

        public ContributionInput? Contribution { get; set; }

        public WorkforceReportInput? Workforce { get; set; }

        public MonitoringSummaryInput? Monitoring { get; set; }
    }
}
