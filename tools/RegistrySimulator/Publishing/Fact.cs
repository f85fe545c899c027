using Inspection.RegistrySimulator.Data;

namespace Inspection.RegistrySimulator.Publishing;

/// <summary>
/// One published record version, in 12 bytes: the record's content is drawn from these fields on demand,
/// which keeps a hundred thousand enterprises' history small. <see cref="Variant"/> is, by registry, the
/// <see cref="EnterpriseStatus"/> of a registration, the <see cref="MonthVariant"/> of a tax return or
/// contribution, the <see cref="StationVariant"/> of a monitoring summary, and for the labour registry
/// either a <see cref="WorkforceVariant"/> (top bit clear) or an accident: top bit set, bit 6 the
/// <see cref="AccidentVariant"/>, bits 0–5 the accident's number within its month.
/// </summary>
internal readonly record struct Fact(int Enterprise, YearMonth Month, ushort Version, Registry Registry, byte Variant)
{
    private const byte AccidentFlag = 0x80;
    private const byte NotDeclaredFlag = 0x40;
    private const byte NumberMask = 0x3F;

    /// <summary>Accidents one enterprise can have in one month.</summary>
    public const int MaxAccidentsPerMonth = NumberMask;

    public static Fact Registration(int enterprise, YearMonth month, int version, EnterpriseStatus status) =>
        new(enterprise, month, checked((ushort)version), Registry.BusinessRegistration, (byte)status);

    public static Fact Filing(int enterprise, Registry registry, YearMonth month, int version, MonthVariant variant) =>
        new(enterprise, month, checked((ushort)version), registry, (byte)variant);

    /// <summary>A half-year workforce report; <paramref name="month"/> is June (H1) or December (H2).</summary>
    public static Fact WorkforceReport(int enterprise, YearMonth month, int version, WorkforceVariant variant) =>
        new(enterprise, month, checked((ushort)version), Registry.Labour, (byte)variant);

    /// <summary>The <paramref name="number"/>th (from 1) accident of the enterprise in the month.</summary>
    public static Fact Accident(int enterprise, YearMonth month, int version, int number, AccidentVariant variant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxAccidentsPerMonth);
        var flags = variant == AccidentVariant.NotDeclared ? AccidentFlag | NotDeclaredFlag : AccidentFlag;
        return new(enterprise, month, checked((ushort)version), Registry.Labour, (byte)(flags | number));
    }

    public static Fact MonitoringSummary(int enterprise, YearMonth month, int version, StationVariant variant) =>
        new(enterprise, month, checked((ushort)version), Registry.Environment, (byte)variant);

    public EnterpriseStatus Status => (EnterpriseStatus)Variant;

    public MonthVariant MonthVariant => (MonthVariant)Variant;

    public bool IsAccident => Registry == Registry.Labour && (Variant & AccidentFlag) != 0;

    public bool IsWorkforceReport => Registry == Registry.Labour && (Variant & AccidentFlag) == 0;

    public WorkforceVariant WorkforceVariant => (WorkforceVariant)Variant;

    public int AccidentNumber => Variant & NumberMask;

    public AccidentVariant AccidentVariant => (Variant & NotDeclaredFlag) != 0 ? AccidentVariant.NotDeclared : AccidentVariant.Clean;

    public StationVariant StationVariant => (StationVariant)Variant;

    /// <summary>Whether both are versions of the same record (the same record id).</summary>
    public bool IsSameRecord(Fact other) =>
        Enterprise == other.Enterprise
        && Registry == other.Registry
        && (Registry == Registry.BusinessRegistration || (Month == other.Month && Slot == other.Slot));

    /// <summary>Tells apart the labour registry's records of one month: 0 for the workforce report, else the accident number.</summary>
    private int Slot => IsAccident ? AccidentNumber : 0;
}
