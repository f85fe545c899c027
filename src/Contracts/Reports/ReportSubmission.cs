using Inspection.Contracts.Evidence;

namespace Inspection.Contracts.Reports;

/// <summary>
/// An enterprise's report for one period of a template: values by field name (invariant-culture text:
/// <c>1250.5</c>, <c>2026-11-30</c>), explanations by soft-check id, and the channel it came by
/// (<see cref="ReportChannels"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportSubmission")]
public sealed record ReportSubmission(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] string Period,
    [property: Id(2)] IReadOnlyDictionary<string, string?> Values,
    [property: Id(3)] IReadOnlyDictionary<string, string> Explanations,
    [property: Id(4)] string Channel);

/// <summary>How a report arrived: from the enterprise's own system (machine-to-machine) or the web portal.</summary>
public static class ReportChannels
{
    public const string Api = "api";
    public const string Portal = "portal";

    public static readonly IReadOnlyList<string> All = [Api, Portal];
}

/// <summary>
/// The receipt (giấy biên nhận) of a stored report: its number, when it was received, and the SHA-256
/// of what was received (<see cref="ReportReceiptHash"/>), with the values as they were stored. A
/// correction of the same period is a new receipt with the next <see cref="Version"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportReceipt")]
public sealed record ReportReceipt(
    [property: Id(0)] string Number,
    [property: Id(1)] string EnterpriseCode,
    [property: Id(2)] string Province,
    [property: Id(3)] string TemplateId,
    [property: Id(4)] int TemplateVersion,
    [property: Id(5)] string Period,
    [property: Id(6)] int Version,
    [property: Id(7)] DateTimeOffset SubmittedAt,
    [property: Id(8)] DateOnly DueDate,
    [property: Id(9)] bool Late,
    [property: Id(10)] string Channel,
    [property: Id(11)] IReadOnlyDictionary<string, string?> Values,
    [property: Id(12)] IReadOnlyDictionary<string, string> Explanations,
    [property: Id(13)] string Sha256)
{
    /// <summary>The evidence record the report is kept as, <c>{RecordId}@v{Version}</c> in flags.</summary>
    public string RecordId => ReportRecords.RecordId(EnterpriseCode, TemplateId, Period);
}

/// <summary>A hard check's verdict on one field: the submission is rejected until it is mended.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportError")]
public sealed record ReportError(
    [property: Id(0)] string Field,
    [property: Id(1)] string? CheckId,
    [property: Id(2)] LocalizedText Message);

/// <summary>A soft check that found a difference: the submission is kept only with an explanation under <see cref="CheckId"/>.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportQuestion")]
public sealed record ReportQuestion(
    [property: Id(0)] string CheckId,
    [property: Id(1)] string Field,
    [property: Id(2)] LocalizedText Message,
    [property: Id(3)] IReadOnlyDictionary<string, string?> Values);

/// <summary>What became of a submission: a receipt, or the errors that reject it, or the questions it must answer.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportResult")]
public sealed record ReportResult(
    [property: Id(0)] ReportReceipt? Receipt,
    [property: Id(1)] IReadOnlyList<ReportError> Errors,
    [property: Id(2)] IReadOnlyList<ReportQuestion> Questions)
{
    public static ReportResult Rejected(IReadOnlyList<ReportError> errors) => new(null, errors, []);

    public static ReportResult Questioned(IReadOnlyList<ReportQuestion> questions) => new(null, [], questions);

    public static ReportResult Received(ReportReceipt receipt) => new(receipt, [], []);
}

/// <summary>
/// A form's starting values: what the registries already know for the period, each with the records it
/// came from; and, when the period was already reported, that receipt's number and values (a correction starts from them).
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportPrefill")]
public sealed record ReportPrefill(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] string Period,
    [property: Id(2)] DateOnly DueDate,
    [property: Id(3)] IReadOnlyDictionary<string, PrefilledValue> Values,
    [property: Id(4)] string? ReceiptNumber,
    [property: Id(5)] IReadOnlyDictionary<string, string?>? Submitted);

/// <summary>A pre-filled value and the registry records it was read from (<c>{RecordId}@v{Version}</c>).</summary>
[GenerateSerializer, Immutable, Alias("Inspection.PrefilledValue")]
public sealed record PrefilledValue(
    [property: Id(0)] string Value,
    [property: Id(1)] string Registry,
    [property: Id(2)] IReadOnlyList<string> Records);

/// <summary>One period's report of one template, as the enterprise owes it: received (on time or late), due, or overdue.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportObligation")]
public sealed record ReportObligation(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] string Period,
    [property: Id(2)] DateOnly DueDate,
    [property: Id(3)] string Status,
    [property: Id(4)] string? ReceiptNumber);

/// <summary>Where a report period stands.</summary>
public static class ReportObligationStatuses
{
    public const string Received = "received";
    public const string ReceivedLate = "received-late";
    public const string Due = "due";
    public const string Overdue = "overdue";
}

/// <summary>How reports are kept as evidence: the registry of the enterprise's own submissions, beside the connected registries.</summary>
public static class ReportRecords
{
    /// <summary>The registry name of submitted reports (báo cáo của doanh nghiệp).</summary>
    public const string Registry = "self-report";

    /// <summary>One record per enterprise, template and period (record ids are unique within a registry); a correction is its next version.</summary>
    public static string RecordId(string enterpriseCode, string templateId, string period) => $"{enterpriseCode}/{templateId}/{period}";
}
