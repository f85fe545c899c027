using System.Text.Json.Serialization;

namespace Inspection.RegistrySimulator.Records;

/// <summary>The <c>data</c> object of a record; serialised as its concrete shape, with no type marker.</summary>
[JsonDerivedType(typeof(RegistrationData))]
[JsonDerivedType(typeof(VatReturnData))]
[JsonDerivedType(typeof(ContributionData))]
[JsonDerivedType(typeof(WorkforceReportData))]
[JsonDerivedType(typeof(AccidentReportData))]
[JsonDerivedType(typeof(MonitoringSummaryData))]
internal abstract record RecordData;
