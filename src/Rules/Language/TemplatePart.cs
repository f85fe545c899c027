namespace Inspection.Rules.Language;

/// <summary>A piece of an explanation template.</summary>
internal abstract record TemplatePart;

/// <summary>Text copied as written.</summary>
internal sealed record LiteralPart(string Text) : TemplatePart;

/// <summary>A hit value (<c>{alias.field}</c> or <c>{computedName}</c>), formatted by its type.</summary>
internal sealed record ValuePart(string Key, FieldType Type) : TemplatePart;

/// <summary>The driving record's period: <c>{period}</c>.</summary>
internal sealed record PeriodPart : TemplatePart;
