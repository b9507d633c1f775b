using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// <c>POST /auth/confirm-email</c>: confirms the account's email with the token register mailed, answering 204. An unknown
/// email, a wrong or expired token: <see cref="AccountErrorCodes.ConfirmationTokenRefused"/>.
/// </summary>
internal static class EmailConfirmation
{
    public static async Task<IResult> ConfirmAsync(EmailConfirmationInput input, UserManager<AccountUser> users)
    {
        if (Answers.Missing(("email", input.Email), ("token", input.Token)) is { } missing)
        {
            return missing;
        }

        var user = await users.FindByEmailAsync(input.Email!);
        return user is not null && (await users.ConfirmEmailAsync(user, input.Token!)).Succeeded
            ? Results.NoContent()
            : Respond.Error(AccountErrorCodes.ConfirmationTokenRefused);
    }
}
