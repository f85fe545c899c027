namespace Inspection.Api.Identity;

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
