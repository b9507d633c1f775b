using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// <c>POST /auth/password</c>: changes the password given the current one. Identity renews the security stamp (every
/// access token dies) and every refresh token is revoked; the answer is a new pair for this client.
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

        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!changed.Succeeded)
        {
            return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? Respond.Error(AccountErrorCodes.WrongPassword)
                : Answers.Refused(changed, "new_password");
        }

        await refresh.RevokeAllAsync(user.Id, cancellationToken);
        return Respond.Success(await tokens.IssueAsync(user, Guid.CreateVersion7(), cancellationToken));
    }
}
