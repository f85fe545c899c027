using System.Globalization;
using Inspection.Contracts.Registries;
using Inspection.Contracts.Reports;

namespace Inspection.Silo.Reports;

/// <summary>
/// A received report as evidence: a record of the <see cref="ReportRecords.Registry"/> registry, one id
/// per template and period, whose version is the receipt's, whose fields are the report's values and
/// the receipt's number, due date and day of receipt (what the rule pack reads to judge lateness and
/// compare with the registries), and whose provenance is the receipt: channel, number and hash.
/// </summary>
public static class ReportEvidence
{
    public const string ReceiptField = "receipt";
    public const string SubmittedOnField = "submittedOn";
    public const string DueDateField = "dueDate";

    /// <summary>Field names a template may not use: the record carries the receipt's own under them.</summary>
    public static readonly IReadOnlyList<string> Reserved = [ReceiptField, SubmittedOnField, DueDateField];

    public static RegistryRecord ToRecord(ReportReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var fields = new Dictionary<string, string?>(receipt.Values, StringComparer.Ordinal)
        {
            [ReceiptField] = receipt.Number,
            [SubmittedOnField] = DateOnly.FromDateTime(receipt.SubmittedAt.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [DueDateField] = receipt.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return new RegistryRecord(
            ReportRecords.Registry, receipt.RecordId, receipt.Version, receipt.EnterpriseCode, receipt.TemplateId, receipt.Period, fields,
            new RecordProvenance(receipt.Channel, receipt.Number, null, receipt.Sha256, receipt.SubmittedAt));
    }

    /// <summary>The latest report of each period of the template among the enterprise's records, by period.</summary>
    public static Dictionary<string, RegistryRecord> Received(string templateId, IReadOnlyList<RegistryRecord> records) =>
        records.Where(r => r.Registry == ReportRecords.Registry && r.Kind == templateId && r.Period is not null)
            .GroupBy(r => r.Period!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!, StringComparer.Ordinal);

    /// <summary>The report's own values of a received record, without the receipt's fields.</summary>
    public static IReadOnlyDictionary<string, string?> ValuesOf(RegistryRecord record) =>
        record.Fields.Where(pair => !Reserved.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>
    /// The periods of the template the enterprise owes, newest first, among the latest
    /// <paramref name="periods"/> periods that have ended by <paramref name="today"/>: a period is owed when
    /// the records the template applies to exist for it (or a report was received for it anyway).
    /// </summary>
    public static IReadOnlyList<ReportObligation> Obligations(ReportTemplate template, IReadOnlyList<RegistryRecord> records, DateOnly today, int periods)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(records);
        var received = Received(template.Id, records);
        var obligations = new List<ReportObligation>();
        var period = ReportPeriod.Of(template.Frequency, today).Previous(template.Frequency);
        for (var i = 0; i < periods && period.Start >= template.ValidFrom; i++, period = period.Previous(template.Frequency))
        {
            var current = period;
            var applies = records.Any(r => r.Registry == template.AppliesTo.Registry && r.Kind == template.AppliesTo.Kind && current.Holds(r.Period));
            var due = period.DueDate(template);
            if (received.TryGetValue(period.Name, out var report))
            {
                var late = report.Fields.TryGetValue(SubmittedOnField, out var on) && string.CompareOrdinal(on, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) > 0;
                obligations.Add(new ReportObligation(template.Id, period.Name, due,
                    late ? ReportObligationStatuses.ReceivedLate : ReportObligationStatuses.Received, report.Fields.GetValueOrDefault(ReceiptField)));
            }
            else if (applies)
            {
                obligations.Add(new ReportObligation(template.Id, period.Name, due,
                    today > due ? ReportObligationStatuses.Overdue : ReportObligationStatuses.Due, null));
            }
        }

        return obligations;
    }
}
