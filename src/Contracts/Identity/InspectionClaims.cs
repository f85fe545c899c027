namespace Inspection.Contracts.Identity;

/// <summary>Claim types in the platform's tokens.</summary>
public static class InspectionClaims
{
    /// <summary>The subject: a user id, or the enterprise code for an enterprise account.</summary>
    public const string Subject = "sub";

    public const string Role = "role";

    /// <summary>One claim per province code (thẩm quyền) an inspector may see.</summary>
    public const string Province = "province";

    /// <summary>The enterprise code an enterprise account acts for.</summary>
    public const string Enterprise = "enterprise";
}
