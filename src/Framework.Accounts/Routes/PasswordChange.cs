using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// <c>POST /auth/password</c>: changes the password given the current one. Identity renews the security stamp (every
/// access token dies) and every refresh token is revoked; the answer is a new pair for this client. A wrong current
/// password counts towards the lockout, as at login, and a locked account's change is refused unchecked, so a stolen token
/// cannot guess the password here faster than at login.
/// </summary>
internal static class PasswordChange
{
    public static async Task<IResult> ChangeAsync(
        PasswordChangeInput input, ClaimsPrincipal principal, UserManager<AccountUser> users, RefreshTokens refresh, TokenIssuer tokens, HttpContext http, CancellationToken cancellationToken)
    {
        if (Answers.Missing(("current_password", input.CurrentPassword), ("new_password", input.NewPassword)) is { } missing)
        {
            return missing;
        }

        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Answers.Unauthorized(http, AccountErrorCodes.Unauthenticated);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Respond.Error(AccountErrorCodes.WrongPassword);
        }

        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!changed.Succeeded)
        {
            if (!changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                return Answers.Refused(changed, "new_password");
            }

            await users.AccessFailedAsync(user);
            return Respond.Error(AccountErrorCodes.WrongPassword);
        }

        await refresh.RevokeAllAsync(user.Id, cancellationToken);
        return Respond.Success(await tokens.IssueAsync(user, Guid.CreateVersion7(), cancellationToken));
    }
}
