namespace Inspection.Api.Identity;

/// <summary>How the platform issues and validates its bearer tokens (section <c>Auth</c>).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "inspection";

    public string Audience { get; set; } = "inspection";

    /// <summary>
    /// The HMAC-SHA256 signing key, at least 32 characters. Required outside development; in development
    /// a random key is generated at start-up when none is configured, so tokens do not survive a restart.
    /// </summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
