using System.Text;
using Inspection.Rules.Formatting;
using Inspection.Rules.Validation;

namespace Inspection.Rules.Language;

/// <summary>
/// An explanation template, parsed on load: text with <c>{alias.field}</c>, <c>{computedName}</c>,
/// <c>{period}</c> and <c>{period:half}</c> placeholders, filled from a hit's values and formatted for the
/// template's language.
/// </summary>
internal sealed class Template
{
    public const string PeriodPlaceholder = "period";

    private const string HalfYearFormat = "half";

    private readonly TemplatePart[] parts;

    private Template(TemplatePart[] parts) => this.parts = parts;

    public static Template Parse(string text, AliasScope scope, IReadOnlyDictionary<string, Operand> computed, Location at)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(new LiteralPart(text[position..]));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw at.Error($"unclosed placeholder at character {open}");
            }

            if (open > position)
            {
                parts.Add(new LiteralPart(text[position..open]));
            }

            parts.Add(Placeholder(text[(open + 1)..close], scope, computed, at));
            position = close + 1;
        }

        return new Template([.. parts]);
    }

    private static TemplatePart Placeholder(string name, AliasScope scope, IReadOnlyDictionary<string, Operand> computed, Location at)
    {
        if (name == PeriodPlaceholder)
        {
            return new PeriodPart(PeriodFormat.Month);
        }

        if (name.StartsWith(PeriodPlaceholder + ":", StringComparison.Ordinal))
        {
            var format = name[(PeriodPlaceholder.Length + 1)..];
            return format == HalfYearFormat
                ? new PeriodPart(PeriodFormat.HalfYear)
                : throw at.Error($"unknown period format '{format}' in '{{{name}}}' (expected {{period}} or {{period:{HalfYearFormat}}})");
        }

        if (computed.TryGetValue(name, out var operand))
        {
            return new ValuePart(name, operand.Type);
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            var field = scope.Resolve(name, at);
            return new ValuePart(field.Key, field.Type);
        }

        throw at.Error($"unknown placeholder '{{{name}}}' (expected {{period}}, {{alias.field}} or a name under 'compute')");
    }

    public string Render(IReadOnlyDictionary<string, string> values, string? period, TemplateLanguage language)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part switch
            {
                LiteralPart literal => literal.Text,
                PeriodPart periodPart => ValueFormatter.Period(period, periodPart.Format, language),
                ValuePart value when values.TryGetValue(value.Key, out var raw) => ValueFormatter.Format(raw, value.Type, language),
                _ => ValueFormatter.Missing,
            });
        }

        return text.ToString();
    }
}
