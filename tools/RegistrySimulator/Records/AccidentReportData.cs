namespace Inspection.RegistrySimulator.Records;

/// <summary>Labour, kind <c>accident-report</c>: one occupational accident.</summary>
internal sealed record AccidentReportData(DateOnly OccurredOn, int SeriousInjuries, int Fatalities, string Declaration) : RecordData;
