namespace Inspection.Rules.Language;

/// <summary>A piece of an explanation template.</summary>
internal abstract record TemplatePart;

/// <summary>Text copied as written.</summary>
internal sealed record LiteralPart(string Text) : TemplatePart;

/// <summary>A hit value (<c>{alias.field}</c> or <c>{computedName}</c>), formatted by its type.</summary>
internal sealed record ValuePart(string Key, FieldType Type) : TemplatePart;

/// <summary>The driving record's period: <c>{period}</c> (its month) or <c>{period:half}</c> (its half year).</summary>
internal sealed record PeriodPart(PeriodFormat Format) : TemplatePart;

/// <summary>How a <c>{period}</c> placeholder names the period.</summary>
internal enum PeriodFormat
{
    /// <summary><c>{period}</c>: 03/2026 (vi), March 2026 (en).</summary>
    Month,

    /// <summary><c>{period:half}</c>: the half year holding the month, 6 tháng đầu năm 2026 (vi), H1 2026 (en).</summary>
    HalfYear,
}
