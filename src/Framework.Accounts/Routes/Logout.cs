using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary><c>POST /auth/logout</c> and <c>POST /auth/logout-all</c>.</summary>
internal static class Logout
{
    /// <summary>
    /// Revokes the refresh token sent and its family (this login's session). Needs no access token (it may have expired)
    /// and answers success whatever the token, so it tells nothing about tokens. The access token lives until it expires.
    /// In cookie mode it also clears the session cookie.
    /// </summary>
    public static async Task<SuccessResult> LogoutAsync(RefreshInput input, RefreshTokens refresh, SessionCookies cookies, HttpContext http, CancellationToken cancellationToken)
    {
        await cookies.SignOutAsync(http);
        if (!string.IsNullOrEmpty(input.RefreshToken) && await refresh.FindAsync(input.RefreshToken, cancellationToken) is { } record)
        {
            await refresh.RevokeFamilyAsync(record.FamilyId, cancellationToken);
        }

        return Respond.Success();
    }

    /// <summary>Revokes every refresh token of the account and renews its security stamp, so every access token dies too.</summary>
    public static async Task<IResult> LogoutAllAsync(ClaimsPrincipal principal, UserManager<AccountUser> users, RefreshTokens refresh, HttpContext http, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Answers.Unauthorized(http, AccountErrorCodes.Unauthenticated);
        }

        await users.UpdateSecurityStampAsync(user);
        await refresh.RevokeAllAsync(user.Id, cancellationToken);
        return Respond.Success();
    }
}
