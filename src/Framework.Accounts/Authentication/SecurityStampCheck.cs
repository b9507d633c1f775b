using System.Security.Claims;
using Fwk.Db;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// Refuses an access token or session cookie whose security stamp is no longer the account's (logout-all, a password
/// change) or whose account is gone. One primary-key read per authenticated request, on the request's <see cref="Session"/>
/// (the primary: a standby could lag behind a logout-all); no cache, so a revoked token dies at once, in every instance.
/// </summary>
internal static class SecurityStampCheck
{
    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        if (!await IsCurrentAsync(context.HttpContext, context.Principal))
        {
            context.Fail("The token's account or security stamp is no longer current.");
        }
    }

    /// <summary>Whether <paramref name="principal"/> names an account whose security stamp is still the one it carries.</summary>
    public static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (!Guid.TryParse(principal?.FindFirst(AccountClaims.Subject)?.Value, out var id)
            || principal.FindFirst(AccountClaims.SecurityStamp)?.Value is not { Length: > 0 } stamp)
        {
            return false;
        }

        var db = http.RequestServices.GetRequiredService<Session>();
        var current = await db.Set<AccountUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(http.RequestAborted);
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
