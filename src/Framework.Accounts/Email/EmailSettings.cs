namespace Fwk.Accounts;

/// <summary>
/// The email keys of <c>[auth]</c>: <c>require_confirmed_email</c> (default false: login refuses unconfirmed accounts with
/// 1213 when true) and <c>email_token_minutes</c> (default 60, 5 to 10080), how long a reset or confirmation token is valid.
/// </summary>
internal sealed record EmailSettings(bool RequireConfirmedEmail, TimeSpan TokenLifetime)
{
    /// <summary>The keys of <c>[auth]</c> these come from.</summary>
    public static readonly string[] Keys = ["require_confirmed_email", "email_token_minutes"];

    public static EmailSettings Read(ConfigReader config) => new(
        config.Bool(AccountSettings.Section, "require_confirmed_email", fallback: false),
        TimeSpan.FromMinutes(config.Int(AccountSettings.Section, "email_token_minutes", 60, min: 5, max: 10_080)));
}
