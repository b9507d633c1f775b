using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Fwk.Accounts;

/// <summary>
/// How JwtBearer checks access tokens: HS256 only (so <c>alg: none</c> and other algorithms are refused), signed with the
/// project's key, issuer and audience of <c>[auth]</c>, not expired (30 s of clock skew between instances), claims kept
/// under their JWT names, and the security stamp still current (<see cref="SecurityStampCheck"/>). A refused token's
/// challenge says <c>error="invalid_token"</c> (RFC 6750) without JwtBearer's description of why.
/// </summary>
internal sealed class BearerOptionsSetup(AccountSettings settings, SigningKey key) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = AccountClaims.Subject,
            RoleClaimType = AccountClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = SecurityStampCheck.ValidateAsync,
            OnChallenge = context =>
            {
                if (context.AuthenticateFailure is not null)
                {
                    context.Error = "invalid_token";
                }

                return Task.CompletedTask;
            },
        };
    }
}
