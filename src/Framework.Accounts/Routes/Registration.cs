using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// <c>POST /auth/register</c>: creates an account (its user name is its email), mails it a confirmation token, and answers
/// 201 with it.
/// </summary>
internal static class Registration
{
    public static async Task<IResult> RegisterAsync(CredentialsInput input, UserManager<AccountUser> users, AccountMails mails, CancellationToken cancellationToken)
    {
        if (Answers.Missing(("email", input.Email), ("password", input.Password)) is { } missing)
        {
            return missing;
        }

        var user = new AccountUser { UserName = input.Email, Email = input.Email };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Answers.Refused(created, "password");
        }

        await mails.SendConfirmationAsync(user, cancellationToken);
        return Respond.Created(new AccountInfo(user.Id, user.Email!, []), "/auth/me");
    }
}
