using System.Globalization;

namespace Inspection.Rules.Tests.Builders;

/// <summary>Clean records in the shapes of docs/REGISTRIES.md, for one enterprise.</summary>
internal static class Records
{
    public const string Code = "0314409058";

    public static FactRecord Registration(string status = "active", string statusSince = "2019-05-10", int version = 1) =>
        new("business-registration", $"REG-{Code}", version, "registration", null, new Dictionary<string, string?>
        {
            ["name"] = "Công ty TNHH Cơ khí Sài Gòn",
            ["province"] = "79",
            ["provinceName"] = "TP. Hồ Chí Minh",
            ["sector"] = "manufacturing",
            ["vsicCode"] = "2592",
            ["vsicVersion"] = "VSIC2025",
            ["charterCapital"] = "5000000000",
            ["registeredOn"] = "2019-05-10",
            ["status"] = status,
            ["statusSince"] = statusSince,
        });

    /// <summary>A VAT return filed two days before its due date (day 20 of the next month).</summary>
    public static FactRecord VatReturn(string period, int version = 1)
    {
        var start = PeriodStart(period);
        var due = start.AddMonths(1).AddDays(19);
        return new("tax", $"TAX-{Code}-{period}", version, "vat-return", period, new Dictionary<string, string?>
        {
            ["periodStart"] = Date(start),
            ["dueDate"] = Date(due),
            ["filedOn"] = Date(due.AddDays(-2)),
            ["revenue"] = "1250000000",
            ["outputVat"] = "125000000",
            ["inputVat"] = "98000000",
            ["invoicesIssued"] = "120",
            ["payrollHeadcount"] = "40",
            ["overdueDays"] = "0",
        });
    }

    /// <summary>A fully paid month with 38 of the 40 payroll employees insured (95%).</summary>
    public static FactRecord Contribution(string period, int version = 1) =>
        new("social-insurance", $"BHXH-{Code}-{period}", version, "contribution", period, new Dictionary<string, string?>
        {
            ["insuredHeadcount"] = "38",
            ["contributionDue"] = "182400000",
            ["contributionPaid"] = "182400000",
            ["monthsInArrears"] = "0",
        });

    /// <summary>
    /// The labour-change report of the half year ending in <paramref name="period"/> (<c>yyyy-06</c> or
    /// <c>yyyy-12</c>), submitted three days before its due date (day 5 of that month), with the
    /// workforce equal to the clean payroll of 40.
    /// </summary>
    public static FactRecord WorkforceReport(string period, int version = 1)
    {
        var start = PeriodStart(period);
        var half = start.Month == 6 ? "H1" : start.Month == 12 ? "H2" : throw new ArgumentOutOfRangeException(nameof(period), "a workforce report's period is June or December");
        var due = start.AddDays(4);
        return new("labour", $"LAB-{Code}-{start.Year}-{half}", version, "workforce-report", period, new Dictionary<string, string?>
        {
            ["reportedWorkforce"] = "40",
            ["dueDate"] = Date(due),
            ["submittedOn"] = Date(due.AddDays(-3)),
        });
    }

    /// <summary>Occupational accident number <paramref name="number"/> of <paramref name="period"/>, on day 12 of the month.</summary>
    public static FactRecord AccidentReport(string period, int seriousInjuries, int fatalities, string declaration, int number = 1) =>
        new("labour", $"ACC-{Code}-{period}-{number}", 1, "accident-report", period, new Dictionary<string, string?>
        {
            ["occurredOn"] = Date(PeriodStart(period).AddDays(11)),
            ["seriousInjuries"] = seriousInjuries.ToString(CultureInfo.InvariantCulture),
            ["fatalities"] = fatalities.ToString(CultureInfo.InvariantCulture),
            ["declaration"] = declaration,
        });

    /// <summary>A month of the wastewater station well inside its permit: no hour over a limit, 99.4% uptime.</summary>
    public static FactRecord MonitoringSummary(string period, int version = 1) =>
        new("environment", $"ENV-{Code}-{period}", version, "monitoring-summary", period, new Dictionary<string, string?>
        {
            ["stationId"] = "79-NT-0412",
            ["dischargeM3"] = "6200",
            ["codMax"] = "96.5",
            ["codLimit"] = "150",
            ["tssMax"] = "48",
            ["tssLimit"] = "100",
            ["hoursOverLimit"] = "0",
            ["uptimePercent"] = "99.4",
        });

    /// <summary>The enterprise's own wastewater report of a month: the station's discharge, received on the 10th of the next month (due the 15th).</summary>
    public static FactRecord WastewaterReport(string period, int version = 1)
    {
        var next = PeriodStart(period).AddMonths(1);
        return new("self-report", $"{Code}/wastewater-monthly/{period}", version, "wastewater-monthly", period, new Dictionary<string, string?>
        {
            ["dischargeM3"] = "6150",
            ["codAvg"] = "61.2",
            ["tssAvg"] = "30",
            ["phMin"] = "6.8",
            ["phMax"] = "7.9",
            ["operatingDays"] = "28",
            ["incidents"] = "0",
            ["note"] = null,
            ["receipt"] = $"BN-{period.Replace("-", string.Empty, StringComparison.Ordinal)}-0000000001",
            ["submittedOn"] = Date(next.AddDays(9)),
            ["dueDate"] = Date(next.AddDays(14)),
        });
    }

    /// <summary>The record with some fields replaced (a null value removes the field's value).</summary>
    public static FactRecord With(this FactRecord record, params (string Field, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string?>(record.Fields);
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        return record with { Fields = fields };
    }

    public static DateOnly PeriodStart(string period) =>
        DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
