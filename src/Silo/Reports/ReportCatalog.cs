using Inspection.Contracts.Reports;

namespace Inspection.Silo.Reports;

/// <summary>The report templates shipped with the platform (<c>Reports/Templates/*.json</c>, embedded), read and checked once.</summary>
public sealed class ReportCatalog : IReportCatalog
{
    private const string Prefix = "Inspection.Silo.Reports.Templates.";

    private readonly Dictionary<string, ReportTemplate> _byId;

    public ReportCatalog(IEnumerable<ReportTemplate> templates)
    {
        _byId = new Dictionary<string, ReportTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            if (!_byId.TryAdd(template.Id, template))
            {
                throw new ReportTemplateException(template.Id, "id", "two templates have this id");
            }
        }

        Templates = [.. _byId.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ReportTemplate> Templates { get; }

    public ReportTemplate? Find(string id) => _byId.GetValueOrDefault(id);

    public static ReportCatalog LoadShipped()
    {
        var assembly = typeof(ReportCatalog).Assembly;
        var templates = new List<ReportTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            templates.Add(ReportTemplateReader.Read(reader.ReadToEnd()));
        }

        return new ReportCatalog(templates);
    }
}
