namespace Inspection.RegistrySimulator.Data;

/// <summary>How an occupational accident report (labour registry) looks.</summary>
internal enum AccidentVariant : byte
{
    /// <summary>At most one serious injury and no fatality, or declared immediately.</summary>
    Clean,

    /// <summary>Two or more workers killed or seriously injured, and not declared immediately.</summary>
    NotDeclared,
}
