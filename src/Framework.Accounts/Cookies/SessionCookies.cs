using System.Security.Claims;
using Fwk.Db;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Fwk.Accounts;

/// <summary>
/// Cookie mode (<c>[auth] cookie = true</c>, default false): login signs the browser in with the session cookie instead of
/// answering tokens (a browser app's script never holds a credential), logout clears it. The cookie carries what an access
/// token does: the account's id, security stamp, roles and permissions.
/// </summary>
internal sealed class SessionCookies(AccountSettings settings, Session db)
{
    public bool Enabled => settings.Cookie;

    /// <summary>Sets the session cookie for <paramref name="user"/> and answers the account, as <c>GET /auth/me</c> does.</summary>
    public async Task<IResult> SignInAsync(HttpContext http, AccountUser user, CancellationToken cancellationToken)
    {
        var principal = await PrincipalAsync(db, user.Id, user.SecurityStamp ?? string.Empty, cancellationToken);
        await http.SignInAsync(AccountSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = true });
        return Respond.Success(new AccountInfo(user.Id, user.Email!, [.. principal.FindAll(AccountClaims.Role).Select(c => c.Value)]));
    }

    /// <summary>Clears this browser's session cookie (in cookie mode). A copy of it lives on until logout-all or its expiry.</summary>
    public Task SignOutAsync(HttpContext http) => Enabled ? http.SignOutAsync(AccountSchemes.Cookie) : Task.CompletedTask;

    public static async Task<ClaimsPrincipal> PrincipalAsync(Session db, Guid userId, string stamp, CancellationToken cancellationToken)
    {
        var claims = new List<Claim> { new(AccountClaims.Subject, userId.ToString()), new(AccountClaims.SecurityStamp, stamp) };
        claims.AddRange((await AccountGrants.RolesAsync(db, userId, cancellationToken)).Select(role => new Claim(AccountClaims.Role, role)));
        claims.AddRange((await AccountGrants.PermissionsAsync(db, userId, cancellationToken)).Select(permission => new Claim(AccountClaims.Permission, permission)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AccountSchemes.Cookie, AccountClaims.Subject, AccountClaims.Role));
    }
}
