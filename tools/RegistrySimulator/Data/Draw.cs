namespace Inspection.RegistrySimulator.Data;

/// <summary>What a <see cref="DeterministicRandom"/> stream draws; keeps streams for different purposes apart.</summary>
internal enum Draw
{
    Enterprise = 1,
    Serials,
    Plan,
    Payroll,
    VatReturn,
    Contribution,
    WorkforceReport,
    AccidentCount,
    Accident,
    Station,
    StationMonth,
    Fault,
    Outcome,
}
