namespace Fwk.Accounts;

/// <summary>
/// The rate limits of <c>[auth]</c>, per minute, from one client address (<c>ROUTE_rate_per_minute</c>) and for one account
/// name (<c>ROUTE_account_rate_per_minute</c>): login 10 and 5, register 5 and 3, forgot-password 5 and 3; 0 turns one off.
/// </summary>
internal sealed record RateLimitSettings(RateLimit Login, RateLimit Register, RateLimit ForgotPassword)
{
    /// <summary>The keys of <c>[auth]</c> these come from.</summary>
    public static readonly string[] Keys =
    [
        "login_rate_per_minute", "login_account_rate_per_minute", "register_rate_per_minute", "register_account_rate_per_minute",
        "forgot_password_rate_per_minute", "forgot_password_account_rate_per_minute",
    ];

    public static RateLimitSettings Read(ConfigReader config) => new(
        Read(config, "login", perAddress: 10, perAccount: 5),
        Read(config, "register", perAddress: 5, perAccount: 3),
        Read(config, "forgot_password", perAddress: 5, perAccount: 3));

    private static RateLimit Read(ConfigReader config, string route, int perAddress, int perAccount) => new(
        route,
        config.Int(AccountSettings.Section, $"{route}_rate_per_minute", perAddress, min: 0, max: 100_000),
        config.Int(AccountSettings.Section, $"{route}_account_rate_per_minute", perAccount, min: 0, max: 100_000));
}
