namespace Inspection.RegistrySimulator.Data;

internal static class EnterpriseStatusNames
{
    public static string ToWire(this EnterpriseStatus status) => status switch
    {
        EnterpriseStatus.Active => "active",
        EnterpriseStatus.Suspended => "suspended",
        EnterpriseStatus.NotAtAddress => "not-at-address",
        EnterpriseStatus.Dissolved => "dissolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
