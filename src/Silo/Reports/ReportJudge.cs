using System.Globalization;
using Inspection.Contracts.Evidence;
using Inspection.Contracts.Registries;
using Inspection.Contracts.Reports;

namespace Inspection.Silo.Reports;

/// <summary>
/// Judges a submission against its template (no I/O): every value is read by its field's type and
/// bounds, then the hard checks reject and the soft checks ask; a soft check is satisfied by an
/// explanation under its id. Registry comparisons read the period's records of the enterprise, prior-
/// period comparisons the values of the previous period's report. Values come out in one invariant form
/// (<c>1250.5</c>), which is what the receipt's hash covers.
/// </summary>
public static class ReportJudge
{
    public const int MaxExplanation = 4000;

    private static readonly NumberFormatInfo ViNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly NumberFormatInfo EnNumbers = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    public static ReportVerdict Judge(
        ReportTemplate template, ReportPeriod period, ReportSubmission submission, IReadOnlyList<RegistryRecord> records, IReadOnlyDictionary<string, string?>? previous)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(records);
        var errors = new List<ReportError>();
        foreach (var name in submission.Values.Keys.Where(name => template.Fields.All(f => f.Name != name)))
        {
            errors.Add(new ReportError(name, null, new LocalizedText($"Báo cáo không có trường '{name}'.", $"The report has no field '{name}'.")));
        }

        var soft = template.Checks.Where(c => c.Severity == ReportCheckSeverities.Soft).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (check, text) in submission.Explanations)
        {
            if (!soft.Contains(check))
            {
                errors.Add(new ReportError($"explanations.{check}", null, new LocalizedText($"Không có yêu cầu giải trình '{check}'.", $"No check '{check}' asks for an explanation.")));
            }
            else if (text.Length > MaxExplanation)
            {
                errors.Add(new ReportError($"explanations.{check}", null, new LocalizedText($"Giải trình dài quá {MaxExplanation} ký tự.", $"The explanation is longer than {MaxExplanation} characters.")));
            }
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            submission.Values.TryGetValue(field.Name, out var raw);
            var (value, number, error) = Read(field, raw?.Trim());
            if (error is not null)
            {
                errors.Add(new ReportError(field.Name, null, error));
                continue;
            }

            values[field.Name] = value;
            if (number is { } n)
            {
                numbers[field.Name] = n;
            }
        }

        foreach (var check in template.Checks.Where(c => c.Severity == ReportCheckSeverities.Hard))
        {
            if (Difference(check, period, numbers, records, previous) is { } found)
            {
                errors.Add(new ReportError(check.Field, check.Id, Message(check, found)));
            }
        }

        if (errors.Count > 0)
        {
            return new ReportVerdict(values, errors, [], new Dictionary<string, string>());
        }

        var questions = new List<ReportQuestion>();
        var explanations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var check in template.Checks.Where(c => c.Severity == ReportCheckSeverities.Soft))
        {
            if (Difference(check, period, numbers, records, previous) is not { } found)
            {
                continue;
            }

            if (submission.Explanations.TryGetValue(check.Id, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                explanations[check.Id] = text.Trim();
            }
            else
            {
                questions.Add(new ReportQuestion(check.Id, check.Field, Message(check, found), new Dictionary<string, string?>
                {
                    ["value"] = Invariant(found.Value),
                    ["other"] = Invariant(found.Other),
                    ["changePct"] = found.ChangePct is { } pct ? Invariant(pct) : null,
                }));
            }
        }

        return new ReportVerdict(values, [], questions, explanations);
    }

    /// <summary>What the registries say of each pre-filled field for the period, with the records it was read from.</summary>
    public static IReadOnlyDictionary<string, PrefilledValue> Prefill(ReportTemplate template, ReportPeriod period, IReadOnlyList<RegistryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(template);
        var values = new Dictionary<string, PrefilledValue>(StringComparer.Ordinal);
        foreach (var field in template.Fields)
        {
            if (field.Prefill is { } source && RegistryValue(source, period, records) is { } known)
            {
                var value = field.Type == ReportFieldTypes.Integer ? Math.Round(known.Value) : known.Value;
                values[field.Name] = new PrefilledValue(Invariant(value), source.Registry, known.Records);
            }
        }

        return values;
    }

    /// <summary>The sum of the source's field over the period's records of its registry and kind; null when none has a value.</summary>
    public static (double Value, IReadOnlyList<string> Records)? RegistryValue(ReportSource source, ReportPeriod period, IReadOnlyList<RegistryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(records);
        var sum = 0.0;
        var used = new List<string>();
        foreach (var record in records)
        {
            if (record.Registry == source.Registry && record.Kind == source.Kind && period.Holds(record.Period)
                && source.Field is { } name && record.Fields.TryGetValue(name, out var raw)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                sum += value;
                used.Add(record.Reference);
            }
        }

        return used.Count == 0 ? null : (sum, used);
    }

    public static string Invariant(double value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static (string? Value, double? Number, LocalizedText? Error) Read(ReportField field, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return field.Required
                ? (null, null, new LocalizedText($"Chưa nhập \"{field.Label.Vi}\".", $"\"{field.Label.En}\" is required."))
                : (null, null, null);
        }

        switch (field.Type)
        {
            case ReportFieldTypes.Text:
                return raw.Length > field.MaxLength
                    ? (null, null, new LocalizedText($"\"{field.Label.Vi}\" dài quá {field.MaxLength} ký tự.", $"\"{field.Label.En}\" is longer than {field.MaxLength} characters."))
                    : (raw, null, null);
            case ReportFieldTypes.Date:
                return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null)
                    : (null, null, new LocalizedText($"\"{field.Label.Vi}\" phải là ngày (yyyy-MM-dd).", $"\"{field.Label.En}\" must be a date (yyyy-MM-dd)."));
        }

        if (!double.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return (null, null, new LocalizedText($"\"{field.Label.Vi}\" phải là số (dấu chấm thập phân).", $"\"{field.Label.En}\" must be a number (decimal point)."));
        }

        if (field.Type == ReportFieldTypes.Integer && number != Math.Floor(number))
        {
            return (null, null, new LocalizedText($"\"{field.Label.Vi}\" phải là số nguyên.", $"\"{field.Label.En}\" must be a whole number."));
        }

        if (number < field.Min || number > field.Max)
        {
            var range = $"{Invariant(field.Min ?? double.NegativeInfinity)} – {Invariant(field.Max ?? double.PositiveInfinity)}";
            return (null, null, new LocalizedText($"\"{field.Label.Vi}\" phải trong khoảng {range}.", $"\"{field.Label.En}\" must be within {range}."));
        }

        return (Invariant(number), number, null);
    }

    /// <summary>What a check found, when it found something: the field's value, what it was held against, and the change in percent.</summary>
    private static Found? Difference(ReportCheck check, ReportPeriod period, Dictionary<string, double> numbers, IReadOnlyList<RegistryRecord> records, IReadOnlyDictionary<string, string?>? previous)
    {
        if (!numbers.TryGetValue(check.Field, out var value))
        {
            return null;
        }

        switch (check.Test)
        {
            case ReportCheckTests.Compare:
                var other = check.Than switch
                {
                    { DaysInPeriod: true } => period.Days,
                    { Field: { } name } => numbers.TryGetValue(name, out var known) ? known : (double?)null,
                    { Value: { } literal } => literal,
                    _ => null,
                };
                return other is { } than && !Holds(value, check.Operator!, than) ? new Found(value, than, null) : null;
            case ReportCheckTests.PriorChange:
                return previous is not null && previous.TryGetValue(check.Field, out var raw)
                    && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var before)
                    ? Beyond(value, before, check.Percent!.Value)
                    : null;
            default:
                return RegistryValue(check.Source!, period, records) is { } registry ? Beyond(value, registry.Value, check.Percent!.Value) : null;
        }
    }

    private static Found? Beyond(double value, double other, double percent)
    {
        if (other == 0)
        {
            return value == 0 ? null : new Found(value, other, null);
        }

        var change = Math.Round(100 * (value - other) / Math.Abs(other), 1);
        return Math.Abs(change) > percent ? new Found(value, other, change) : null;
    }

    private static bool Holds(double left, string op, double right) => op switch
    {
        "<" => left < right,
        "<=" => left <= right,
        ">" => left > right,
        ">=" => left >= right,
        "==" => left == right,
        _ => left != right,
    };

    private static LocalizedText Message(ReportCheck check, Found found) =>
        new(Fill(check.Message.Vi, found, ViNumbers), Fill(check.Message.En, found, EnNumbers));

    private static string Fill(string text, Found found, NumberFormatInfo numbers) => text
        .Replace("{value}", found.Value.ToString("#,##0.##", numbers), StringComparison.Ordinal)
        .Replace("{other}", found.Other.ToString("#,##0.##", numbers), StringComparison.Ordinal)
        .Replace("{changePct}", found.ChangePct is { } pct ? pct.ToString("+#,##0.#;-#,##0.#;0", numbers) : "—", StringComparison.Ordinal);

    private readonly record struct Found(double Value, double Other, double? ChangePct);
}

/// <summary>A submission as the template judged it: the values in invariant form, and the errors or questions that hold it back.</summary>
public sealed record ReportVerdict(
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<ReportError> Errors,
    IReadOnlyList<ReportQuestion> Questions,
    IReadOnlyDictionary<string, string> Explanations)
{
    public bool Accepted => Errors.Count == 0 && Questions.Count == 0;
}
