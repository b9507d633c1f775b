using System.Net;
using Microsoft.AspNetCore.Http;

namespace Fwk.Accounts;

/// <summary>
/// The session cookie <c>fwk_session</c>: HttpOnly, SameSite=Strict, path <c>/</c>, and Secure, except on a plain-http
/// request to a loopback host (<c>localhost</c>, 127.0.0.1, ::1) when <c>[environment] name = development</c>, where a browser would
/// otherwise drop it.
/// </summary>
internal sealed class SessionCookieBuilder(bool development) : CookieBuilder
{
    public const string CookieName = "fwk_session";

    public static SessionCookieBuilder For(bool development) => new(development)
    {
        Name = CookieName,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = !(development && !context.Request.IsHttps && IsLoopback(context.Request.Host.Host));
        return options;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
