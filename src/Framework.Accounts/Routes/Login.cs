using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// <c>POST /auth/login</c>: an access and a refresh token (a new family) for the right email and password. Every failure
/// answers <see cref="AccountErrorCodes.LoginFailed"/> after one password hash check, so unknown, wrong and locked look
/// alike. A wrong password counts towards the lockout (Identity's <c>AccessFailedAsync</c>, saved at once). With
/// <c>[auth] require_confirmed_email</c>, the right password of an unconfirmed account answers
/// <see cref="AccountErrorCodes.EmailNotConfirmed"/>. In cookie mode it sets the session cookie and answers the account
/// instead (<see cref="SessionCookies"/>).
/// </summary>
internal static class Login
{
    public static async Task<IResult> LoginAsync(
        CredentialsInput input, UserManager<AccountUser> users, EmailSettings email, DummyPassword dummy, TokenIssuer tokens, RefreshTokens refresh,
        SessionCookies cookies, HttpContext http, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrEmpty(input.Email) ? null : await users.FindByEmailAsync(input.Email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            dummy.Verify(users.PasswordHasher, input.Password);
            return Answers.Unauthorized(http, AccountErrorCodes.LoginFailed);
        }

        if (!await users.CheckPasswordAsync(user, input.Password ?? string.Empty))
        {
            await users.AccessFailedAsync(user);
            return Answers.Unauthorized(http, AccountErrorCodes.LoginFailed);
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        if (email.RequireConfirmedEmail && !user.EmailConfirmed)
        {
            return Respond.Error(AccountErrorCodes.EmailNotConfirmed);
        }

        if (cookies.Enabled)
        {
            return await cookies.SignInAsync(http, user, cancellationToken);
        }

        await refresh.DeleteExpiredAsync(user.Id, cancellationToken);
        return Respond.Success(await tokens.IssueAsync(user, Guid.CreateVersion7(), cancellationToken));
    }
}
