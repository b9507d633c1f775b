using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary><c>POST /auth/forgot-password</c> and <c>POST /auth/reset-password</c>.</summary>
internal static class PasswordReset
{
    /// <summary>
    /// Mails a reset token to the account of the email, if there is one, and answers 202 either way, so the answer tells
    /// nobody which accounts exist.
    /// </summary>
    public static async Task<IResult> ForgotAsync(ForgotPasswordInput input, UserManager<AccountUser> users, AccountMails mails, CancellationToken cancellationToken)
    {
        if (Answers.Missing(("email", input.Email)) is { } missing)
        {
            return missing;
        }

        if (await users.FindByEmailAsync(input.Email!) is { } user)
        {
            await mails.SendPasswordResetAsync(user, cancellationToken);
        }

        return Respond.Success<object?>(null, StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Sets a new password given a reset token, answering 204. Identity renews the security stamp (every access token and
    /// every other reset token dies) and every refresh token is revoked; the email counts as confirmed, since the token came
    /// through it. An unknown email, a wrong, expired or used token: <see cref="AccountErrorCodes.ResetTokenRefused"/>.
    /// </summary>
    public static async Task<IResult> ResetAsync(PasswordResetInput input, UserManager<AccountUser> users, RefreshTokens refresh, CancellationToken cancellationToken)
    {
        if (Answers.Missing(("email", input.Email), ("token", input.Token), ("new_password", input.NewPassword)) is { } missing)
        {
            return missing;
        }

        if (await users.FindByEmailAsync(input.Email!) is not { } user)
        {
            return Respond.Error(AccountErrorCodes.ResetTokenRefused);
        }

        var reset = await users.ResetPasswordAsync(user, input.Token!, input.NewPassword!);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? Respond.Error(AccountErrorCodes.ResetTokenRefused)
                : Answers.Refused(reset, "new_password");
        }

        await refresh.RevokeAllAsync(user.Id, cancellationToken);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        return Results.NoContent();
    }
}
