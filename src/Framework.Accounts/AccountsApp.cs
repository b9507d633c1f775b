using Microsoft.AspNetCore.Http;

namespace Fwk.Accounts;

/// <summary>
/// The app <see cref="FwkAccountsExtensions.UseAccounts"/> activates: Identity's tables, the refresh tokens, the API keys and the data protection keys in the default
/// bind (created and migrated like any app's models), the error codes of <see cref="AccountErrorCodes"/>, the
/// <c>/auth</c> routes, and a startup hook that reads the signing key, so a missing key stops serving before traffic
/// (verbs such as create_db need no key).
/// </summary>
internal sealed class AccountsApp : IApp
{
    public void Configure(AppBuilder app)
    {
        app.Models.Add<AccountUserConfiguration>().Add<AccountRoleConfiguration>().Add<AccountUserRoleConfiguration>()
            .Add<AccountUserClaimConfiguration>().Add<AccountRoleClaimConfiguration>().Add<AccountUserLoginConfiguration>()
            .Add<AccountUserTokenConfiguration>().Add<RefreshTokenRecordConfiguration>();
        app.Models.Add<ApiKeyRecordConfiguration>().Add<DataProtectionKeyConfiguration>();
        app.Errors.Add(AccountErrorCodes.Unauthenticated, AccountErrorCodes.UnauthenticatedMessage, StatusCodes.Status401Unauthorized)
            .Add(AccountErrorCodes.Forbidden, AccountErrorCodes.ForbiddenMessage, StatusCodes.Status403Forbidden)
            .Add(AccountErrorCodes.LoginFailed, "Wrong email or password", StatusCodes.Status401Unauthorized)
            .Add(AccountErrorCodes.RefreshRefused, "Refresh token refused; log in again", StatusCodes.Status401Unauthorized)
            .Add(AccountErrorCodes.WrongPassword, "The current password is wrong", StatusCodes.Status400BadRequest)
            .Add(AccountErrorCodes.EmailTaken, "An account with this email exists", StatusCodes.Status409Conflict)
            .Add(AccountErrorCodes.ApiKeyNotFound, "No API key {0} in this account", StatusCodes.Status404NotFound)
            .Add(AccountErrorCodes.CsrfHeaderMissing, "A request with the session cookie that changes state needs the X-Fwk-Csrf header", StatusCodes.Status403Forbidden)
            .MapConstraint(AccountUserConfiguration.EmailIndex, AccountErrorCodes.EmailTaken)
            .MapConstraint(AccountUserConfiguration.UserNameIndex, AccountErrorCodes.EmailTaken);
        app.Errors.Add(AccountErrorCodes.RateLimited, "Too many attempts; try again later", StatusCodes.Status429TooManyRequests)
            .Add(AccountErrorCodes.ResetTokenRefused, "The reset token is invalid or expired", StatusCodes.Status400BadRequest)
            .Add(AccountErrorCodes.ConfirmationTokenRefused, "The confirmation token is invalid or expired", StatusCodes.Status400BadRequest)
            .Add(AccountErrorCodes.EmailNotConfirmed, "Confirm your email address before logging in", StatusCodes.Status403Forbidden);
        app.Hooks.On(Events.Startup, LoggingEmailSender.WarnOutsideDebug);
        app.Hooks.On(Events.Startup, (RateLimitSettings _, EmailSettings _) => { }); // read now: a bad value stops serving before traffic
        app.Hooks.On(Events.Startup, (SigningKey _) => { });
        AccountRoutes.Map(app.Routes);
    }
}
