namespace Inspection.Silo.Reports;

/// <summary>A report template that cannot be used, naming the template and the field at fault (<c>fields[2].min</c>).</summary>
public sealed class ReportTemplateException(string templateId, string field, string message)
    : Exception($"Report template '{templateId}', {field}: {message}")
{
    public string TemplateId { get; } = templateId;

    public string Field { get; } = field;
}
