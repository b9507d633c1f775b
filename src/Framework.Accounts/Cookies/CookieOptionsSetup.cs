using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Fwk.Accounts;

/// <summary>
/// The session cookie's scheme (<c>[auth] cookie = true</c>): <see cref="SessionCookieBuilder"/>'s cookie, valid
/// <c>refresh_token_days</c> from the last request that renewed it (sliding, renewed past half of it), checked on every
/// request by <see cref="SessionCookieCheck"/>. It never redirects: a challenge answers 401 and a forbid 403, whose bodies
/// <see cref="AuthorizationEnvelopes"/> writes.
/// </summary>
internal sealed class CookieOptionsSetup(AccountSettings settings, ConfigReader config) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    /// <summary>Fwk's environment (<c>[environment] name</c>, default production) is development.</summary>
    private bool Development => string.Equals(config.String("environment", "name", "production"), "development", StringComparison.OrdinalIgnoreCase);

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name == AccountSchemes.Cookie)
        {
            Configure(options);
        }
    }

    public void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie = SessionCookieBuilder.For(Development);
        options.ExpireTimeSpan = settings.RefreshTokenLifetime;
        options.SlidingExpiration = true;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = SessionCookieCheck.ValidateAsync,
            OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden),
        };
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
