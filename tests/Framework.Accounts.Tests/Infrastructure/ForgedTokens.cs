using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>Access tokens made by the tests, as an attacker or a clock would: tampered, expired, unsigned.</summary>
internal static class ForgedTokens
{
    /// <summary>
    /// A token for <paramref name="claims"/>, expiring at <paramref name="expires"/>, valid from <paramref name="notBefore"/>
    /// (default an hour before it), by default as the project signs them: its key, HS256, its issuer and audience.
    /// </summary>
    public static string Signed(
        Dictionary<string, object> claims, DateTime expires, string key = Vaults.Key, string issuer = "vaults", string audience = "vaults-api",
        DateTime? notBefore = null, string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? expires.AddHours(-1),
            NotBefore = notBefore ?? expires.AddHours(-1),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });

    /// <summary><paramref name="token"/>'s own claims (its account, stamp, roles, permissions), without issuer, audience and times.</summary>
    public static Dictionary<string, object> ClaimsOf(string token) =>
        new JsonWebToken(token).Claims.Where(c => c.Type is not ("iss" or "aud" or "exp" or "nbf" or "iat")).GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.Single().Value : g.Select(c => c.Value).ToArray());

    /// <summary><paramref name="token"/> with <paramref name="role"/> added to its payload, its signature kept.</summary>
    public static string WithRole(string token, string role)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var tampered = payload.Insert(payload.Length - 1, $",\"role\":\"{role}\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(tampered)}.{parts[2]}";
    }

    /// <summary><paramref name="token"/>'s payload under a header saying <c>alg: none</c>, with no signature.</summary>
    public static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{token.Split('.')[1]}.";
    }
}
