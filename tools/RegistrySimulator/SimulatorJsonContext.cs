using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Inspection.RegistrySimulator.Admin;
using Inspection.RegistrySimulator.Records;
using Inspection.RegistrySimulator.Gateway;

namespace Inspection.RegistrySimulator;

/// <summary>
/// Source-generated serialisation of everything the simulator reads or writes: no reflection per request.
/// Use <see cref="Readable"/>, which writes Vietnamese letters as they are rather than as \u escapes.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecordPage))]
[JsonSerializable(typeof(IReadOnlyList<GroundTruthEntry>))]
[JsonSerializable(typeof(IReadOnlyList<EnterpriseSummary>))]
[JsonSerializable(typeof(IReadOnlyList<InspectionOutcome>))]
[JsonSerializable(typeof(GroundTruthEntry))]
[JsonSerializable(typeof(ViolationRequest))]
[JsonSerializable(typeof(PeriodPublication))]
[JsonSerializable(typeof(IReadOnlyList<FromStartRead>))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, FaultSettings>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, RegistryStats>))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext
{
    public static SimulatorJsonContext Readable { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
