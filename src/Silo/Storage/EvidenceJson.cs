using System.Text.Json;
using System.Text.Json.Serialization;
using Inspection.Contracts.Evidence;

namespace Inspection.Silo.Storage;

/// <summary>The JSON kept in the evidence tables: record fields and whole flags.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RiskFlag))]
[JsonSerializable(typeof(IReadOnlyList<RiskReason>))]
[JsonSerializable(typeof(Contracts.Models.RiskModelSummary))]
[JsonSerializable(typeof(Contracts.Cases.CaseFile))]
[JsonSerializable(typeof(Contracts.Reports.ReportReceipt))]
[JsonSerializable(typeof(Contracts.Plans.InspectionPlan))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string?>))]
[JsonSerializable(typeof(SortedDictionary<string, string?>))]
internal sealed partial class EvidenceJson : JsonSerializerContext;
