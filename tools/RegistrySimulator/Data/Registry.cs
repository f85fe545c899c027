namespace Inspection.RegistrySimulator.Data;

/// <summary>The simulated registries; each publishes one kind of record.</summary>
internal enum Registry : byte
{
    BusinessRegistration,
    Tax,
    SocialInsurance,
}
