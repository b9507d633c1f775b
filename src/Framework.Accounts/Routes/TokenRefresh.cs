using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// <c>POST /auth/refresh</c>: exchanges a refresh token for a new pair of its family; the token sent is refused from then
/// on, and sending it again revokes the family (<see cref="RefreshTokens.RedeemAsync"/>). A locked account still refreshes:
/// lockout stops password guessing, and anyone can lock an account by guessing, so it must not end its sessions too. A
/// disabled account does not (<see cref="AccountDisabling"/>).
/// </summary>
internal static class TokenRefresh
{
    public static async Task<IResult> RefreshAsync(
        RefreshInput input, RefreshTokens refresh, UserManager<AccountUser> users, TokenIssuer tokens, AccountSettings settings, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var record = string.IsNullOrEmpty(input.RefreshToken) ? null : await refresh.RedeemAsync(input.RefreshToken, cancellationToken);
        var user = record is null ? null : await users.FindByIdAsync(record.UserId.ToString());
        if (record is null || user is null || AccountDisabling.IsDisabled(user.LockoutEnd, time.GetUtcNow(), settings))
        {
            return Answers.Unauthorized(http, AccountErrorCodes.RefreshRefused);
        }

        return Respond.Success(await tokens.IssueAsync(user, record.FamilyId, cancellationToken));
    }
}
