using System.Net.Http.Json;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Infrastructure;

/// <summary>A browser's session cookie, kept by hand: the test server's client keeps no cookies.</summary>
internal static class Cookies
{
    public const string CsrfHeader = "X-Fwk-Csrf";

    /// <summary>Starts the test project in cookie mode.</summary>
    public static Task<FwkTestApp> StartInCookieModeAsync(FwkTestDatabase database, params (string Section, string Key, string Value)[] settings) =>
        Vaults.StartAsync(database, [("auth", "cookie", "true"), .. settings]);

    /// <summary>The <c>Set-Cookie</c> header of <c>fwk_session</c> in <paramref name="response"/>, or null.</summary>
    public static string? SessionSetCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith("fwk_session=", StringComparison.Ordinal)) : null;

    /// <summary>Logs in and answers the <c>fwk_session=…</c> pair a browser would send back.</summary>
    public static async Task<string> CookieLoginAsync(this FwkTestApp app, string email)
    {
        var login = await app.PostLoginAsync(email);
        login.EnsureSuccessStatusCode();
        return login.SessionSetCookie()!.Split(';')[0];
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <c>Cookie: <paramref name="cookie"/></c>, and the CSRF header when <paramref name="csrf"/>.</summary>
    public static Task<HttpResponseMessage> SendWithCookieAsync(this FwkTestApp app, HttpMethod method, string path, string cookie, bool csrf = true, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        if (csrf)
        {
            request.Headers.Add(CsrfHeader, "1");
        }

        return app.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetWithCookieAsync(this FwkTestApp app, string path, string cookie) => app.SendWithCookieAsync(HttpMethod.Get, path, cookie, csrf: false);
}
