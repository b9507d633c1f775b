namespace Fwk.Accounts;

/// <summary>
/// The error codes the Accounts app registers (1200–1219 are its range), each answered in Fwk's error envelope with the
/// status in its description. Validation failures (a missing field, a password the policy rejects) answer Fwk's 1002.
/// </summary>
public static class AccountErrorCodes
{
    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>: the route needs an access token and none was sent, or it is invalid, expired or revoked.</summary>
    public const int Unauthenticated = 1201;

    /// <summary>403: the access token is valid but lacks a role or permission the route requires.</summary>
    public const int Forbidden = 1202;

    /// <summary>
    /// 401: login failed. The same answer for an unknown email, a wrong password and a locked account, so that the answer
    /// tells nobody which accounts exist.
    /// </summary>
    public const int LoginFailed = 1203;

    /// <summary>401: the refresh token is unknown, expired, revoked, or was already rotated (which revokes its whole family).</summary>
    public const int RefreshRefused = 1204;

    /// <summary>400: a password change gave the wrong current password.</summary>
    public const int WrongPassword = 1205;

    /// <summary>409: register gave an email that already has an account.</summary>
    public const int EmailTaken = 1206;

    /// <summary>404: <c>DELETE /auth/api-keys/{id}</c> named no API key of the caller's account.</summary>
    public const int ApiKeyNotFound = 1207;

    /// <summary>403: a request authenticated by the session cookie changes state without the <c>X-Fwk-Csrf</c> header (cookie mode).</summary>
    public const int CsrfHeaderMissing = 1208;

    /// <summary>
    /// 429 with <c>Retry-After</c> (seconds): too many login, register or forgot-password requests a minute from this client
    /// address or for this account name (<c>[auth] *_rate_per_minute</c>).
    /// </summary>
    public const int RateLimited = 1210;

    /// <summary>400: reset-password gave an email with no account, or a reset token that is wrong, expired or already used.</summary>
    public const int ResetTokenRefused = 1211;

    /// <summary>400: confirm-email gave an email with no account, or a confirmation token that is wrong or expired.</summary>
    public const int ConfirmationTokenRefused = 1212;

    /// <summary>
    /// 403: with <c>[auth] require_confirmed_email = true</c>, a login with the right password for an account whose email is
    /// not confirmed. Answered only after the password is verified, so it tells nothing to whoever does not know it.
    /// </summary>
    public const int EmailNotConfirmed = 1213;

    /// <summary>The message of <see cref="Unauthenticated"/>.</summary>
    internal const string UnauthenticatedMessage = "Authentication required";

    /// <summary>The message of <see cref="Forbidden"/>.</summary>
    internal const string ForbiddenMessage = "Not allowed";
}
