namespace Inspection.RegistrySimulator.Data;

/// <summary>How a half-year workforce report (labour registry) looks.</summary>
internal enum WorkforceVariant : byte
{
    /// <summary>On time; the reported workforce is the month's payroll headcount.</summary>
    Clean,

    /// <summary>Received after its due date.</summary>
    Late,

    /// <summary>
    /// On time, but the workforce reported is the insured headcount of an enterprise that insures fewer than
    /// half its payroll (<see cref="MonthVariant.InsuredBelowPayroll"/>): the under-count it also gives social insurance.
    /// </summary>
    UnderReported,

    /// <summary>
    /// A correction after the enterprise was suspended from the first of the report's month: no workforce, as its
    /// nil contribution insures no one.
    /// </summary>
    Dormant,
}
