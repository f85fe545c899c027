namespace Inspection.Rules.Tests.Builders;

/// <summary>Small packs written inline, each test stating only the rule it is about.</summary>
internal static class TestPacks
{
    public const string TaxSource = """{ "as": "tax", "registry": "tax", "kind": "vat-return" }""";
    public const string RegistrationSource = """{ "as": "reg", "registry": "business-registration", "kind": "registration" }""";
    public const string WorkforceSource = """{ "as": "lab", "registry": "labour", "kind": "workforce-report" }""";

    private const string Shapes = """
        [
          {
            "registry": "business-registration", "kind": "registration",
            "fields": { "name": "text", "sector": "text", "status": "text", "statusSince": "date", "charterCapital": "number" }
          },
          {
            "registry": "tax", "kind": "vat-return",
            "fields": {
              "periodStart": "date", "dueDate": "date", "filedOn": "date", "revenue": "number",
              "invoicesIssued": "number", "payrollHeadcount": "number", "overdueDays": "number"
            }
          },
          {
            "registry": "social-insurance", "kind": "contribution",
            "fields": { "insuredHeadcount": "number", "monthsInArrears": "number" }
          },
          {
            "registry": "labour", "kind": "workforce-report",
            "fields": { "reportedWorkforce": "number", "dueDate": "date", "submittedOn": "date" }
          },
          {
            "registry": "labour", "kind": "accident-report",
            "fields": { "occurredOn": "date", "seriousInjuries": "number", "fatalities": "number", "declaration": "text" }
          }
        ]
        """;

    public static string Json(params string[] rules) =>
        $$"""{ "id": "test", "version": "0", "records": {{Shapes}}, "rules": [{{string.Join(",\n", rules)}}] }""";

    public static RulePack Load(params string[] rules) => RulePack.Load(Json(rules));

    public static string Rule(
        string when,
        string id = "TEST-RULE",
        int version = 1,
        string source = TaxSource,
        string validFrom = "2025-07-01",
        string? validTo = null,
        string explanationVi = "Kỳ {period}",
        string explanationEn = "Period {period}",
        string extra = "") =>
        $$"""
        {
          "id": "{{id}}", "version": {{version}}, "validFrom": "{{validFrom}}", {{(validTo is null ? "" : $"\"validTo\": \"{validTo}\",")}}
          "severity": "low", "title": { "vi": "Quy tắc thử", "en": "Test rule" }, "legalBasis": "Test basis",
          "explanation": { "vi": "{{explanationVi}}", "en": "{{explanationEn}}" },
          "for": {{source}},
          {{extra}}
          "when": {{when}}
        }
        """;
}
