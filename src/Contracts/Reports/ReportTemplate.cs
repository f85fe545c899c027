using Inspection.Contracts.Evidence;

namespace Inspection.Contracts.Reports;

/// <summary>
/// A periodic report an enterprise submits once (báo cáo định kỳ), defined as data: its fields, the
/// checks that reject a submission (hard) or ask for an explanation (soft), and when it is due.
/// <see cref="AppliesTo"/> names the registry records that make a period's report due: an enterprise
/// with such a record for the period must report it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportTemplate")]
public sealed record ReportTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] int Version,
    [property: Id(2)] LocalizedText Title,
    [property: Id(3)] string LegalBasis,
    [property: Id(4)] string Frequency,
    [property: Id(5)] int DueDaysAfterPeriod,
    [property: Id(6)] DateOnly ValidFrom,
    [property: Id(7)] ReportSource AppliesTo,
    [property: Id(8)] IReadOnlyList<ReportField> Fields,
    [property: Id(9)] IReadOnlyList<ReportCheck> Checks);

/// <summary>
/// One field of a report: its type (<see cref="ReportFieldTypes"/>), label, unit, bounds and, when a
/// registry already knows the value, where the form is pre-filled from.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportField")]
public sealed record ReportField(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] LocalizedText Label,
    [property: Id(3)] string? Unit,
    [property: Id(4)] bool Required,
    [property: Id(5)] double? Min,
    [property: Id(6)] double? Max,
    [property: Id(7)] int? MaxLength,
    [property: Id(8)] ReportSource? Prefill);

/// <summary>A registry field read for a period: <see cref="Field"/> of the <see cref="Registry"/>'s records of <see cref="Kind"/>, summed over the period's records.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportSource")]
public sealed record ReportSource(
    [property: Id(0)] string Registry,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Field);

/// <summary>
/// A check on a submission (<see cref="ReportCheckTests"/>): a hard check rejects it with an error on
/// <see cref="Field"/>; a soft check asks for an explanation, which the enterprise gives by the check's id.
/// <list type="bullet">
/// <item><c>compare</c>: <see cref="Field"/> <see cref="Operator"/> <see cref="Than"/> (another field, a number, or the days of the period);</item>
/// <item><c>prior-change</c>: the field moved more than <see cref="Percent"/> % from the same field of the previous period's report;</item>
/// <item><c>registry</c>: the field differs more than <see cref="Percent"/> % from what <see cref="Source"/> says for the period.</item>
/// </list>
/// <see cref="Message"/> may name <c>{value}</c>, <c>{other}</c> and <c>{changePct}</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportCheck")]
public sealed record ReportCheck(
    [property: Id(0)] string Id,
    [property: Id(1)] string Severity,
    [property: Id(2)] string Test,
    [property: Id(3)] string Field,
    [property: Id(4)] string? Operator,
    [property: Id(5)] ReportOperand? Than,
    [property: Id(6)] double? Percent,
    [property: Id(7)] ReportSource? Source,
    [property: Id(8)] LocalizedText Message);

/// <summary>The other side of a comparison: a field of the report, a number, or the number of days in the period.</summary>
[GenerateSerializer, Immutable, Alias("Inspection.ReportOperand")]
public sealed record ReportOperand(
    [property: Id(0)] string? Field,
    [property: Id(1)] double? Value,
    [property: Id(2)] bool DaysInPeriod);

/// <summary>The words of report templates.</summary>
public static class ReportFieldTypes
{
    public const string Number = "number";
    public const string Integer = "integer";
    public const string Date = "date";
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [Number, Integer, Date, Text];
}

/// <summary>A check's weight: a hard one rejects, a soft one asks for an explanation.</summary>
public static class ReportCheckSeverities
{
    public const string Hard = "hard";
    public const string Soft = "soft";
}

/// <summary>What a check compares.</summary>
public static class ReportCheckTests
{
    public const string Compare = "compare";
    public const string PriorChange = "prior-change";
    public const string Registry = "registry";
}

/// <summary>How often a report is due; a period is named by its last month (<c>yyyy-MM</c>), as half-yearly registry reports are.</summary>
public static class ReportFrequencies
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string HalfYear = "half-year";
    public const string Year = "year";

    /// <summary>How many months a period of the frequency spans; 0 for an unknown one.</summary>
    public static int MonthsOf(string frequency) => frequency switch
    {
        Month => 1,
        Quarter => 3,
        HalfYear => 6,
        Year => 12,
        _ => 0,
    };
}
