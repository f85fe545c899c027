using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// One published record version, in 12 bytes: the record's content is drawn from these fields on demand,
/// which keeps a hundred thousand enterprises' history small. <see cref="Variant"/> is the
/// <see cref="EnterpriseStatus"/> of a registration and the <see cref="MonthVariant"/> of a monthly record.
/// </summary>
internal readonly record struct Fact(int Enterprise, YearMonth Month, ushort Version, Registry Registry, byte Variant)
{
    public static Fact Registration(int enterprise, YearMonth month, int version, EnterpriseStatus status) =>
        new(enterprise, month, checked((ushort)version), Registry.BusinessRegistration, (byte)status);

    public static Fact Filing(int enterprise, Registry registry, YearMonth month, int version, MonthVariant variant) =>
        new(enterprise, month, checked((ushort)version), registry, (byte)variant);

    public EnterpriseStatus Status => (EnterpriseStatus)Variant;

    public MonthVariant MonthVariant => (MonthVariant)Variant;
}
