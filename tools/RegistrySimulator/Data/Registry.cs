namespace Inspection.RegistrySimulator.Data;

/// <summary>The simulated registries, in the order of <see cref="RegistryServices.All"/>.</summary>
internal enum Registry : byte
{
    BusinessRegistration,
    Tax,
    SocialInsurance,
    Labour,
    Environment,
}
