using System.Text.Json;

namespace Inspection.Api.Apis;

/// <summary>
/// A report as submitted: the template and period, values by field name (JSON numbers or strings; a
/// number's text is kept as sent), explanations by soft-check id, and the channel (<c>api</c> when left out).
/// </summary>
public sealed record ReportBody(
    string? EnterpriseCode,
    string? Template,
    string? Period,
    Dictionary<string, JsonElement>? Values,
    Dictionary<string, string>? Explanations,
    string? Channel);
