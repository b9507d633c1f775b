using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts;

/// <summary>
/// The authentication schemes and how a request picks one: an <c>X-Api-Key</c> header is an API key, any
/// <c>Authorization</c> header an access token (JwtBearer), else in cookie mode the session cookie. Challenges and forbids always go to JwtBearer, so every 401
/// says <c>WWW-Authenticate: Bearer</c> and nothing ever redirects.
/// </summary>
internal static class AccountSchemes
{
    /// <summary>The default scheme: forwards to the scheme the request's credentials choose.</summary>
    public const string Default = "Fwk.Accounts";

    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    public const string ApiKey = "ApiKey";

    /// <summary>The session cookie's scheme (cookie mode).</summary>
    public const string Cookie = "Fwk.Cookie";

    /// <summary>The header an API key is sent in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public static string Select(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(ApiKeyHeader))
        {
            return ApiKey;
        }

        return request.Headers.Authorization.Count == 0 && request.Cookies.ContainsKey(SessionCookieBuilder.CookieName)
            && context.RequestServices.GetRequiredService<AccountSettings>().Cookie
            ? Cookie
            : Bearer;
    }
}
