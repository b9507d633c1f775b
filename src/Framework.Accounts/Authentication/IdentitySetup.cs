using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// Identity's options from <c>[auth]</c>: one account per email, lockout after <c>max_failed_logins</c> failures (default 5)
/// for <c>lockout_minutes</c> (default 15), passwords of at least <c>password_min_length</c> characters (default 8) with no
/// composition rules (ASVS 2.1.9), and claims named as in the access tokens.
/// </summary>
internal static class IdentitySetup
{
    public static void Configure(IdentityOptions options, AccountSettings settings)
    {
        options.User.RequireUniqueEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = settings.MaxFailedLogins;
        options.Lockout.DefaultLockoutTimeSpan = settings.LockoutDuration;
        options.Password.RequiredLength = settings.PasswordMinLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.ClaimsIdentity.UserIdClaimType = AccountClaims.Subject;
        options.ClaimsIdentity.RoleClaimType = AccountClaims.Role;
        options.ClaimsIdentity.SecurityStampClaimType = AccountClaims.SecurityStamp;
    }
}
