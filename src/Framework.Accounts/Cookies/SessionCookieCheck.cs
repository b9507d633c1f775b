using System.Security.Claims;
using Fwk.Db;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// Every request with a session cookie: a stale security stamp (logout-all, a password change) rejects it and clears it.
/// A cookie older than <c>access_token_minutes</c> gets the account's current roles and permissions and is renewed, so
/// a cookie's grants lag no more than an access token's.
/// </summary>
internal static class SessionCookieCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        if (!await SecurityStampCheck.IsCurrentAsync(http, context.Principal))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(AccountSchemes.Cookie);
            return;
        }

        var settings = http.RequestServices.GetRequiredService<AccountSettings>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.IssuedUtc + settings.AccessTokenLifetime < now && context.Principal is { } principal)
        {
            var id = Guid.Parse(principal.FindFirstValue(AccountClaims.Subject)!);
            context.ReplacePrincipal(await SessionCookies.PrincipalAsync(
                http.RequestServices.GetRequiredService<Session>(), id, principal.FindFirstValue(AccountClaims.SecurityStamp)!, http.RequestAborted));
            context.ShouldRenew = true;
        }
    }
}
