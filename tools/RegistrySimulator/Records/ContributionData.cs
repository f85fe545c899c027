namespace Inspection.RegistrySimulator.Records;

/// <summary>Social insurance, kind <c>contribution</c>: one month's contributions.</summary>
internal sealed record ContributionData(
    int InsuredHeadcount,
    long ContributionDue,
    long ContributionPaid,
    int MonthsInArrears) : RecordData;
