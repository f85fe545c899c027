using Inspection.Contracts.Reports;
using Inspection.Silo.Reports;

namespace Inspection.Silo.Tests.Reports;

public sealed class ReportTemplateReaderTests
{
    [Fact]
    public void The_shipped_wastewater_template_reads_with_its_fields_checks_and_due_day()
    {
        var template = Assert.Single(ReportCatalog.LoadShipped().Templates);

        Assert.Equal(("wastewater-monthly", 1, ReportFrequencies.Month, 15), (template.Id, template.Version, template.Frequency, template.DueDaysAfterPeriod));
        Assert.Equal(["dischargeM3", "codAvg", "tssAvg", "phMin", "phMax", "operatingDays", "incidents", "note"], template.Fields.Select(f => f.Name));
        Assert.Equal(new ReportSource("environment", "monitoring-summary", "dischargeM3"), template.Fields[0].Prefill);
        Assert.Equal(
            [("ph-range", "hard"), ("operating-days", "hard"), ("discharge-vs-prior", "soft"), ("discharge-vs-station", "soft")],
            template.Checks.Select(c => (c.Id, c.Severity)));
    }

    [Theory]
    [InlineData("\"fields\": [{ \"name\": \"a\", \"type\": \"money\", \"label\": { \"vi\": \"A\", \"en\": \"A\" }, \"required\": true }]", "fields[0].type", "unknown type 'money'")]
    [InlineData("\"fields\": [{ \"name\": \"receipt\", \"type\": \"text\", \"label\": { \"vi\": \"A\", \"en\": \"A\" }, \"required\": true }]", "fields[0].name", "the receipt's own field")]
    [InlineData("\"fields\": [{ \"name\": \"a\", \"type\": \"number\", \"label\": { \"vi\": \"A\", \"en\": \"A\" }, \"required\": true, \"min\": 5, \"max\": 1 }]", "fields[0].max", "below min")]
    [InlineData("\"fields\": [{ \"name\": \"a\", \"type\": \"number\", \"label\": { \"vi\": \"A\", \"en\": \"A\" }, \"required\": true, \"colour\": 1 }]", "fields[0].colour", "not a known property")]
    [InlineData(Field + ", \"checks\": [{ \"id\": \"c\", \"severity\": \"hard\", \"test\": \"compare\", \"field\": \"b\", \"operator\": \"<\", \"than\": { \"value\": 1 }, \"message\": { \"vi\": \"x\", \"en\": \"x\" } }]", "checks[0].field", "no field 'b'")]
    [InlineData(Field + ", \"checks\": [{ \"id\": \"c\", \"severity\": \"soft\", \"test\": \"registry\", \"field\": \"a\", \"percent\": 10, \"message\": { \"vi\": \"x\", \"en\": \"x\" } }]", "checks[0].source", "required")]
    [InlineData(Field + ", \"checks\": [{ \"id\": \"c\", \"severity\": \"maybe\", \"test\": \"compare\", \"field\": \"a\", \"message\": { \"vi\": \"x\", \"en\": \"x\" } }]", "checks[0].severity", "unknown severity")]
    public void A_template_in_error_is_refused_naming_the_template_and_the_field(string part, string field, string message)
    {
        var json = $$"""
            { "id": "test-report", "version": 1, "title": { "vi": "T", "en": "T" }, "legalBasis": "—", "frequency": "month",
              "dueDaysAfterPeriod": 10, "validFrom": "2025-01-01", "appliesTo": { "registry": "tax", "kind": "vat-return" }, {{part}} }
            """;

        var error = Assert.Throws<ReportTemplateException>(() => ReportTemplateReader.Read(json));

        Assert.Equal(("test-report", field), (error.TemplateId, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private const string Field = "\"fields\": [{ \"name\": \"a\", \"type\": \"number\", \"label\": { \"vi\": \"A\", \"en\": \"A\" }, \"required\": true }]";
}
