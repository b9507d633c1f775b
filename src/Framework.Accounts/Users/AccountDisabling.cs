namespace Fwk.Accounts;

/// <summary>
/// A disabled account: locked out for longer than <c>[auth] lockout_minutes</c>, as
/// <c>SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)</c> does. Its access tokens, session cookies, API keys and refresh
/// tokens are refused from the next request on; a lockout
/// by failed logins (which anyone can cause by guessing) is shorter and ends neither.
/// </summary>
internal static class AccountDisabling
{
    public static bool IsDisabled(DateTimeOffset? lockoutEnd, DateTimeOffset now, AccountSettings settings) =>
        lockoutEnd > now + settings.LockoutDuration;
}
