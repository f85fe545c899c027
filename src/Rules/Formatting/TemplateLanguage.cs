namespace Inspection.Rules.Formatting;

internal enum TemplateLanguage
{
    Vi,
    En,
}
