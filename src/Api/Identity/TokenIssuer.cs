using System.Security.Claims;
using Inspection.Contracts.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Api.Identity;

/// <summary>Issues the platform's bearer tokens for a role, a subject and a scope.</summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(string role, string subject, IEnumerable<string> provinces, string? enterpriseCode)
    {
        var now = time.GetUtcNow();
        var expires = now.Add(options.Value.TokenLifetime);
        var claims = new List<Claim>
        {
            new(InspectionClaims.Subject, subject),
            new(InspectionClaims.Role, role),
        };
        claims.AddRange(provinces.Select(p => new Claim(InspectionClaims.Province, p)));
        if (enterpriseCode is not null)
        {
            claims.Add(new Claim(InspectionClaims.Enterprise, enterpriseCode));
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }
}
