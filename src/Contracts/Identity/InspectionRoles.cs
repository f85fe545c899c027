namespace Inspection.Contracts.Identity;

/// <summary>The platform's roles.</summary>
public static class InspectionRoles
{
    /// <summary>Thanh tra viên: sees the enterprises of the provinces in their jurisdiction.</summary>
    public const string Inspector = "inspector";

    /// <summary>Doanh nghiệp: sees only itself.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>Lãnh đạo: sees aggregates and drills down nationwide.</summary>
    public const string Leadership = "leadership";

    /// <summary>Quản trị: operates the platform.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Inspector, Enterprise, Leadership, Admin };
}
