namespace Inspection.RegistrySimulator.Data;

/// <summary>Legal status in the business registry.</summary>
internal enum EnterpriseStatus : byte
{
    Active,

    /// <summary>Tạm ngừng kinh doanh.</summary>
    Suspended,

    /// <summary>Không còn hoạt động tại địa chỉ đăng ký.</summary>
    NotAtAddress,

    /// <summary>Đã giải thể.</summary>
    Dissolved,
}
