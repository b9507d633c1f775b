using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fwk.Accounts;

/// <summary>
/// Issues access tokens: JWTs signed with HS256, valid <c>[auth] access_token_minutes</c> (default 15), carrying the
/// account's id, security stamp, roles and permissions. JwtBearer checks them (see <see cref="BearerOptionsSetup"/>).
/// </summary>
internal sealed class AccessTokens(AccountSettings settings, SigningKey key, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Create(AccountUser user, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> permissions)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [AccountClaims.Subject] = user.Id.ToString(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [AccountClaims.SecurityStamp] = user.SecurityStamp ?? string.Empty,
        };
        if (roles.Count > 0)
        {
            claims[AccountClaims.Role] = roles.ToArray();
        }

        if (permissions.Count > 0)
        {
            claims[AccountClaims.Permission] = permissions.ToArray();
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
    }
}
