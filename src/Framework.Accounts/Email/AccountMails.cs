using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>The mails the account routes send, each with a token from Identity's default (data protection) token provider.</summary>
internal sealed class AccountMails(UserManager<AccountUser> users, IEmailSender sender)
{
    public async Task SendConfirmationAsync(AccountUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await sender.SendAsync(
            new EmailMessage(user.Email!, "Confirm your email address", $"Confirm your email address with this token (POST /auth/confirm-email with your email and it):\n\n{token}\n"),
            cancellationToken);
    }

    public async Task SendPasswordResetAsync(AccountUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await sender.SendAsync(
            new EmailMessage(user.Email!, "Reset your password", $"Someone asked to reset your password. If it was you, set a new one with this token (POST /auth/reset-password with your email, it and the new password); if not, ignore this mail.\n\n{token}\n"),
            cancellationToken);
    }
}
