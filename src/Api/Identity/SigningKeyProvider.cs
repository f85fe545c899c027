using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Api.Identity;

/// <summary>Resolves the one signing key used both to issue and to validate tokens.</summary>
public sealed class SigningKeyProvider
{
    private const int MinimumKeyLength = 32;

    public SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{JwtOptions.SectionName}:SigningKey must be configured (at least {MinimumKeyLength} characters) outside development.");
            }

            configured = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
        else if (configured.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException($"{JwtOptions.SectionName}:SigningKey must have at least {MinimumKeyLength} characters.");
        }

        Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
    }

    public SymmetricSecurityKey Key { get; }
}
