using System.Security.Claims;
using Fwk.Db;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// Refuses an access token or session cookie whose security stamp is no longer the account's (logout-all, a password
/// change), whose account is gone, or whose account is disabled (<see cref="AccountDisabling"/>). One primary-key read per
/// authenticated request, on the request's <see cref="Session"/> (the primary: a standby could lag behind a logout-all);
/// no cache, so a revoked token dies at once, in every instance.
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

    /// <summary>Whether <paramref name="principal"/> names an account, not disabled, whose security stamp is still the one it carries.</summary>
    public static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (!Guid.TryParse(principal?.FindFirst(AccountClaims.Subject)?.Value, out var id)
            || principal.FindFirst(AccountClaims.SecurityStamp)?.Value is not { Length: > 0 } stamp)
        {
            return false;
        }

        var services = http.RequestServices;
        var current = await services.GetRequiredService<Session>().Set<AccountUser>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(http.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return current is not null && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal)
            && !AccountDisabling.IsDisabled(current.LockoutEnd, now, services.GetRequiredService<AccountSettings>());
    }
}
