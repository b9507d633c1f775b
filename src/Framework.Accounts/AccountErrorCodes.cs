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
}
