using System.Globalization;
using Inspection.Contracts.Cases;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Reports;
using Inspection.Silo.Reports;

namespace Inspection.Silo.Grains;

/// <summary>
/// The enterprise's own reports (báo cáo), submitted once: this grain is their single writer, so a
/// period's corrections are numbered in order, and it judges each against the records it keeps.
/// </summary>
public sealed partial class EnterpriseGrain
{
    /// <summary>How many of a template's past periods the obligations look back over.</summary>
    private const int ObligationPeriods = 12;

    public async Task<ReportPrefill?> PrefillReport(string templateId, string period)
    {
        if (reportTemplates.Find(templateId) is not { } template || !ReportPeriod.TryParse(template.Frequency, period, out var parsed, out _))
        {
            return null;
        }

        var records = await evidence.GetLatestRecordsAsync(_code.Value, CancellationToken.None);
        ReportEvidence.Received(template.Id, records).TryGetValue(parsed.Name, out var received);
        return new ReportPrefill(template.Id, parsed.Name, parsed.DueDate(template), ReportJudge.Prefill(template, parsed, records),
            received?.Fields.GetValueOrDefault(ReportEvidence.ReceiptField), received is null ? null : ReportEvidence.ValuesOf(received));
    }

    public async Task<ReportResult> SubmitReport(ReportSubmission submission, CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(actor);
        if (reportTemplates.Find(submission.TemplateId) is not { } template)
        {
            return Refuse("template", $"Không có mẫu báo cáo '{submission.TemplateId}'.", $"There is no report template '{submission.TemplateId}'.");
        }

        if (!ReportChannels.All.Contains(submission.Channel))
        {
            return Refuse("channel", "Kênh nộp không hợp lệ.", $"Unknown channel '{submission.Channel}' (expected {string.Join(" or ", ReportChannels.All)}).");
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!ReportPeriod.TryParse(template.Frequency, submission.Period, out var period, out var periodError))
        {
            return Refuse("period", $"Kỳ báo cáo không hợp lệ: {submission.Period}.", periodError);
        }

        if (period.End >= today)
        {
            return Refuse("period", $"Kỳ {period.Name} chưa kết thúc: báo cáo được nộp sau ngày {period.End:dd/MM/yyyy}.",
                $"The period {period.Name} has not ended: its report is submitted after {period.End:yyyy-MM-dd}.");
        }

        if (period.Start < template.ValidFrom)
        {
            return Refuse("period", $"Mẫu báo cáo áp dụng từ ngày {template.ValidFrom:dd/MM/yyyy}.", $"The template applies from {template.ValidFrom:yyyy-MM-dd}.");
        }

        await (_factsLoading ??= LoadFactsAsync());
        if (_registration is not { } registration)
        {
            return Refuse("enterpriseCode", "Doanh nghiệp chưa có dữ liệu đăng ký.", "The enterprise has no business registration on record yet.");
        }

        var records = await evidence.GetLatestRecordsAsync(_code.Value, CancellationToken.None);
        var received = ReportEvidence.Received(template.Id, records);
        var previous = received.GetValueOrDefault(period.Previous(template.Frequency).Name);
        var verdict = ReportJudge.Judge(template, period, submission, records, previous is null ? null : ReportEvidence.ValuesOf(previous));
        if (verdict.Errors.Count > 0)
        {
            return ReportResult.Rejected(verdict.Errors);
        }

        if (verdict.Questions.Count > 0)
        {
            return ReportResult.Questioned(verdict.Questions);
        }

        var due = period.DueDate(template);
        var unsigned = new ReportReceipt(
            string.Empty, _code.Value, EnterpriseProfile.From(registration).Province, template.Id, template.Version, period.Name,
            (received.GetValueOrDefault(period.Name)?.Version ?? 0) + 1, now, due, today > due, submission.Channel,
            verdict.Values, verdict.Explanations, string.Empty);
        var hash = ReportReceiptHash.Compute(unsigned);
        var receipt = unsigned with
        {
            Number = string.Create(CultureInfo.InvariantCulture, $"BN-{now.UtcDateTime:yyyyMMdd}-{hash[..10].ToUpperInvariant()}"),
            Sha256 = hash,
        };
        await reports.StoreAsync(receipt, actor, CancellationToken.None);
        LogReportReceived(logger, template.Id, period.Name, receipt.Version);
        Remember([ReportEvidence.ToRecord(receipt)]);
        await AssessAsync(force: true);
        return ReportResult.Received(receipt);
    }

    public async Task<IReadOnlyList<ReportObligation>> GetReportObligations()
    {
        var records = await evidence.GetLatestRecordsAsync(_code.Value, CancellationToken.None);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return [.. reportTemplates.Templates.SelectMany(template => ReportEvidence.Obligations(template, records, today, ObligationPeriods))];
    }

    private static ReportResult Refuse(string field, string vi, string en) =>
        ReportResult.Rejected([new ReportError(field, null, new LocalizedText(vi, en))]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Template} for {Period} received, version {Version}")]
    private static partial void LogReportReceived(ILogger logger, string template, string period, int version);
}
