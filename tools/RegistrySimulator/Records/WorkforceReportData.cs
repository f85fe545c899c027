namespace Inspection.RegistrySimulator.Records;

/// <summary>Labour, kind <c>workforce-report</c>: the half-year labour-change report (form 01/PLI).</summary>
internal sealed record WorkforceReportData(int ReportedWorkforce, DateOnly DueDate, DateOnly SubmittedOn) : RecordData;
