namespace Inspection.RegistrySimulator.Data;

/// <summary>How a monthly wastewater monitoring summary (environment registry) looks.</summary>
internal enum StationVariant : byte
{
    /// <summary>Discharging, within the permit's limits, transmitting at least 98% of the hours.</summary>
    Clean,

    /// <summary>A parameter above its limit for 3 hours or more.</summary>
    OverLimit,

    /// <summary>Data transmitted for less than 90% of the hours.</summary>
    TransmissionGap,

    /// <summary>Nothing discharged (the enterprise stopped trading during the month).</summary>
    NoDischarge,
}
