namespace Fwk.Accounts;

/// <summary>
/// The <c>[auth]</c> section of config.ini, read once at startup; a bad value stops startup naming it.
/// <c>cookie</c> (default false): cookie mode, login sets a session cookie instead of answering tokens (<see cref="SessionCookies"/>).
/// <c>data_protection_application</c> (default <c>fwk</c>): data protection's application name; instances that share it
/// (and the database, where the keys are: <see cref="SessionXmlRepository"/>) read each other's cookies.
/// </summary>
internal sealed record AccountSettings(
    TimeSpan AccessTokenLifetime,
    TimeSpan RefreshTokenLifetime,
    string SigningKeyVariable,
    string Issuer,
    string Audience,
    int MaxFailedLogins,
    TimeSpan LockoutDuration,
    int PasswordMinLength,
    bool Cookie,
    string DataProtectionApplication)
{
    public const string Section = "auth";

    /// <summary>The environment variable that holds the signing key when <c>signing_key_env</c> names none.</summary>
    public const string DefaultSigningKeyVariable = "FWK_AUTH_SIGNING_KEY";

    /// <summary>The keys of <c>[auth]</c>.</summary>
    public static readonly string[] Keys =
        ["access_token_minutes", "refresh_token_days", "signing_key_env", "issuer", "audience", "max_failed_logins", "lockout_minutes", "password_min_length", "cookie", "data_protection_application"];

    public static AccountSettings Read(ConfigReader config) => new(
        AccessTokenLifetime: TimeSpan.FromMinutes(config.Int(Section, "access_token_minutes", 15, min: 1, max: 1440)),
        RefreshTokenLifetime: TimeSpan.FromDays(config.Int(Section, "refresh_token_days", 14, min: 1, max: 365)),
        SigningKeyVariable: config.String(Section, "signing_key_env", DefaultSigningKeyVariable)!,
        Issuer: config.String(Section, "issuer", "fwk")!,
        Audience: config.String(Section, "audience", "fwk")!,
        MaxFailedLogins: config.Int(Section, "max_failed_logins", 5, min: 1, max: 100),
        LockoutDuration: TimeSpan.FromMinutes(config.Int(Section, "lockout_minutes", 15, min: 1, max: 10_080)),
        PasswordMinLength: config.Int(Section, "password_min_length", 8, min: 8, max: 128),
        Cookie: config.Bool(Section, "cookie", false),
        DataProtectionApplication: config.String(Section, "data_protection_application", "fwk")!);
}
