using System.Security.Claims;
using System.Text.Encodings.Web;
using Fwk.Db;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fwk.Accounts;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header. The key is refused when it is unknown, its secret does not match, or it is
/// revoked or expired; and when its owner renewed the security stamp since its creation (logout-all, a password change)
/// or is disabled: locked out for longer than <c>lockout_minutes</c> (an administrator's lockout, such as
/// <c>SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)</c>; failed logins, which anyone can cause, do not end keys).
/// Its principal has the owner's id, the key's id (<see cref="AccountClaims.ApiKey"/>), and as permissions the key's
/// scopes that the owner still has; no roles. Two reads per request (the key with its owner, then the owner's
/// permissions); failures log no part of the key.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Session db, AccountSettings settings, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Refused = "The API key is unknown, revoked, expired, or its account's session ended.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AccountSchemes.ApiKeyHeader, out var values) || values.Count != 1
            || !ApiKeySecret.TryParse(values[0] ?? string.Empty, out var id, out var secret))
        {
            return AuthenticateResult.Fail(Refused);
        }

        var now = time.GetUtcNow();
        var key = await db.Set<ApiKeyRecord>().AsNoTracking().Where(k => k.Id == id)
            .Join(db.Set<AccountUser>(), k => k.UserId, u => u.Id, (k, u) => new { Key = k, u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (key is null || !ApiKeySecret.Matches(secret, key.Key.SecretHash) || key.Key.RevokedAt is not null || key.Key.ExpiresAt <= now
            || !string.Equals(key.Key.OwnerStamp, key.SecurityStamp, StringComparison.Ordinal) || AccountDisabling.IsDisabled(key.LockoutEnd, now, settings))
        {
            return AuthenticateResult.Fail(Refused);
        }

        var held = await AccountGrants.PermissionsAsync(db, key.Key.UserId, Context.RequestAborted);
        var claims = new List<Claim> { new(AccountClaims.Subject, key.Key.UserId.ToString()), new(AccountClaims.ApiKey, key.Key.Id.ToString()) };
        claims.AddRange(key.Key.Scopes.Intersect(held, StringComparer.Ordinal).Select(scope => new Claim(AccountClaims.Permission, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, AccountClaims.Subject, AccountClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
