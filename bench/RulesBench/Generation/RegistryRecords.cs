using System.Globalization;
using Inspection.Rules;

namespace Inspection.Bench.RulesBench.Generation;

/// <summary>
/// Writes an enterprise's plan as the records its registries publish (docs/REGISTRIES.md): ids, periods
/// and invariant-culture field values, the registration in two versions when its status changed.
/// </summary>
internal static class RegistryRecords
{
    public static List<FactRecord> Write(EnterprisePlan plan)
    {
        var code = plan.Code;
        var records = new List<FactRecord>(4 * plan.Months.Count + 2);
        if (plan.HasRegistration)
        {
            if (plan.StatusChanged)
            {
                records.Add(Registration(plan, 1, "active", plan.RegisteredOn));
            }

            records.Add(Registration(plan, plan.StatusChanged ? 2 : 1, plan.Status, plan.StatusSince));
        }

        foreach (var month in plan.Months)
        {
            var period = month.Period;
            if (month.HasVatReturn)
            {
                records.Add(new("tax", $"TAX-{code}-{period}", 1, "vat-return", period, new Dictionary<string, string?>
                {
                    ["periodStart"] = Date(month.Start),
                    ["dueDate"] = Date(month.DueDate),
                    ["filedOn"] = Date(month.FiledOn),
                    ["revenue"] = Number(month.Revenue),
                    ["outputVat"] = Number(month.OutputVat),
                    ["inputVat"] = Number(month.InputVat),
                    ["invoicesIssued"] = Number(month.InvoicesIssued),
                    ["payrollHeadcount"] = Number(month.PayrollHeadcount),
                    ["overdueDays"] = Number(month.OverdueDays),
                }));
            }

            if (month.HasContribution)
            {
                records.Add(new("social-insurance", $"BHXH-{code}-{period}", 1, "contribution", period, new Dictionary<string, string?>
                {
                    ["insuredHeadcount"] = Number(month.InsuredHeadcount),
                    ["contributionDue"] = Number(month.ContributionDue),
                    ["contributionPaid"] = Number(month.ContributionPaid),
                    ["monthsInArrears"] = Number(month.MonthsInArrears),
                }));
            }

            if (month.HasWorkforceReport)
            {
                var half = month.Start.Month == 6 ? "H1" : "H2";
                records.Add(new("labour", $"LAB-{code}-{month.Start.Year}-{half}", 1, "workforce-report", period, new Dictionary<string, string?>
                {
                    ["reportedWorkforce"] = Number(month.ReportedWorkforce),
                    ["dueDate"] = Date(month.WorkforceDueDate),
                    ["submittedOn"] = Date(month.WorkforceSubmittedOn),
                }));
            }

            if (month.HasMonitoringSummary)
            {
                records.Add(new("environment", $"ENV-{code}-{period}", 1, "monitoring-summary", period, new Dictionary<string, string?>
                {
                    ["stationId"] = plan.StationId,
                    ["dischargeM3"] = Number(month.DischargeM3),
                    ["codMax"] = Number(month.CodMax),
                    ["codLimit"] = Number(EnterpriseGenerator.CodLimit),
                    ["tssMax"] = Number(month.TssMax),
                    ["tssLimit"] = Number(EnterpriseGenerator.TssLimit),
                    ["hoursOverLimit"] = Number(month.HoursOverLimit),
                    ["uptimePercent"] = Number(month.UptimePercent),
                }));
            }
        }

        // Numbered within their month, as the labour registry does.
        foreach (var (accident, number) in plan.Accidents.OrderBy(accident => accident.OccurredOn)
            .GroupBy(accident => accident.OccurredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .SelectMany(month => month.Select((accident, i) => (accident, i + 1))))
        {
            var period = string.Intern(accident.OccurredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            records.Add(new("labour", $"ACC-{code}-{period}-{number}", 1, "accident-report", period, new Dictionary<string, string?>
            {
                ["occurredOn"] = Date(accident.OccurredOn),
                ["seriousInjuries"] = Number(accident.SeriousInjuries),
                ["fatalities"] = Number(accident.Fatalities),
                ["declaration"] = accident.Declaration,
            }));
        }

        return records;
    }

    private static FactRecord Registration(EnterprisePlan plan, int version, string status, DateOnly statusSince) =>
        new("business-registration", $"REG-{plan.Code}", version, "registration", null, new Dictionary<string, string?>
        {
            ["name"] = $"Công ty TNHH {plan.Sector.NameWord} {plan.Code[^5..]}",
            ["province"] = plan.Province.Code,
            ["provinceName"] = plan.Province.Name,
            ["sector"] = plan.Sector.Id,
            ["vsicCode"] = plan.Sector.VsicCode,
            ["vsicVersion"] = "VSIC2025",
            ["charterCapital"] = Number(Math.Max(1, plan.Headcount / 10) * 1_000_000_000d),
            ["registeredOn"] = Date(plan.RegisteredOn),
            ["status"] = status,
            ["statusSince"] = Date(statusSince),
        });

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
