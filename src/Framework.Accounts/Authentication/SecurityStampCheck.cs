using Fwk.Db;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// Refuses an access token whose security stamp is no longer the account's (logout-all, a password change) or whose account
/// is gone. One primary-key read per authenticated request, on the request's <see cref="Session"/> (the primary: a standby
/// could lag behind a logout-all); no cache, so a revoked token dies at once, in every instance.
/// </summary>
internal static class SecurityStampCheck
{
    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(AccountClaims.Subject)?.Value, out var id)
            || principal.FindFirst(AccountClaims.SecurityStamp)?.Value is not { Length: > 0 } stamp)
        {
            context.Fail("The token names no account or security stamp.");
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<Session>();
        var current = await db.Set<AccountUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (!string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.Fail("The token's security stamp is no longer current.");
        }
    }
}
