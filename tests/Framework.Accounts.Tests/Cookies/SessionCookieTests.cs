using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fwk.Accounts.Tests.Cookies;

/// <summary>Cookie mode (<c>[auth] cookie = true</c>): login sets the session cookie, which authenticates, never redirects, needs the CSRF header to change state, and dies with logout-all.</summary>
public sealed class SessionCookieTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Login_InCookieMode_SetsASecureHttpOnlyStrictCookieInsteadOfTokens()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        var account = await app.RegisterAsync("ada@example.com");

        var login = await app.PostLoginAsync("ada@example.com");
        var body = await login.Content.ReadAsStringAsync();
        var setCookie = login.SessionSetCookie()!;
        var subject = await (await app.GetWithCookieAsync("/notes/private", setCookie.Split(';')[0])).ReadSuccessAsync<string>();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain("access_token", body, StringComparison.Ordinal);
        Assert.Contains(account.Id.ToString(), body, StringComparison.Ordinal);
        Assert.Equal(["expires", "httponly", "path=/", "samesite=strict", "secure"], Attributes(setCookie));
        Assert.Equal(account.Id.ToString(), subject);
    }

    [Fact]
    public async Task Login_InDevelopmentOverHttpOnLocalhost_SetsTheCookieWithoutSecure()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database, ("environment", "name", "development"));
        await app.RegisterAsync("ada@example.com");

        var login = await app.PostLoginAsync("ada@example.com");

        Assert.Equal(["expires", "httponly", "path=/", "samesite=strict"], Attributes(login.SessionSetCookie()!));
    }

    [Fact]
    public async Task Login_WithoutCookieMode_AnswersTokensAndSetsNoCookie()
    {
        await using var app = await Vaults.StartAsync(database);
        await app.RegisterAsync("ada@example.com");

        var login = await app.PostLoginAsync("ada@example.com");

        Assert.NotNull((await login.ReadSuccessAsync<TokenPair>()).AccessToken);
        Assert.Null(login.SessionSetCookie());
    }

    [Fact]
    public async Task Private_WithoutOrWithABadCookie_Answers401AndWithoutTheRole403_NeverARedirect()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        await app.RegisterAsync("ada@example.com");
        var cookie = await app.CookieLoginAsync("ada@example.com");

        var none = await app.GetAsync("/notes/private", null);
        var forged = await app.GetWithCookieAsync("/notes/private", "fwk_session=CfDJ8forged");
        var forbidden = await app.GetWithCookieAsync("/notes/admin", cookie);

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await none.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await forged.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await forbidden.StatusAndCodeAsync());
        Assert.All([none, forged, forbidden], r => Assert.Null(r.Headers.Location));
    }

    [Fact]
    public async Task StateChange_WithTheCookieButNoCsrfHeader_Answers1208AndChangesNothing()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        await app.RegisterAsync("ada@example.com");
        var cookie = await app.CookieLoginAsync("ada@example.com");

        var crossSite = await app.SendWithCookieAsync(HttpMethod.Post, "/auth/logout-all", cookie, csrf: false);
        var stillSignedIn = await app.GetWithCookieAsync("/notes/private", cookie);
        var sameSite = await app.SendWithCookieAsync(HttpMethod.Post, "/auth/logout-all", cookie);
        var afterLogoutAll = await app.GetWithCookieAsync("/notes/private", cookie);

        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.CsrfHeaderMissing), await crossSite.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameSite.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await afterLogoutAll.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Logout_InCookieMode_ClearsTheCookie()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        await app.RegisterAsync("ada@example.com");
        var cookie = await app.CookieLoginAsync("ada@example.com");

        var logout = await app.SendWithCookieAsync(HttpMethod.Post, "/auth/logout", cookie, body: new { });

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.StartsWith("fwk_session=;", logout.SessionSetCookie(), StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", logout.SessionSetCookie(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChange_EndsOtherCookies()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        await app.RegisterAsync("ada@example.com");
        var laptop = await app.CookieLoginAsync("ada@example.com");
        var phone = await app.CookieLoginAsync("ada@example.com");

        var change = await app.SendWithCookieAsync(HttpMethod.Post, "/auth/password", laptop, body: new { current_password = Vaults.Password, new_password = "another long password" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetWithCookieAsync("/notes/private", phone)).StatusCode);
    }

    [Fact]
    public async Task Cookie_OlderThanAnAccessToken_TakesTheAccountsCurrentRoles()
    {
        var clock = new ManualClock();
        Environment.SetEnvironmentVariable(Vaults.KeyVariable, Vaults.Key);
        await using var app = await FwkTestApp.StartAsync<Program>(database, options => options.With("auth", "cookie", "true")
            .ConfigureServices(services => services.AddSingleton<TimeProvider>(clock)));
        var account = await app.RegisterAsync("ada@example.com");
        var cookie = await app.CookieLoginAsync("ada@example.com");
        await app.WithSessionAsync(db =>
        {
            var role = new AccountRole("admin");
            db.Add(role);
            db.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = role.Id });
            return Task.CompletedTask;
        });

        var beforeRenewal = await app.GetWithCookieAsync("/notes/admin", cookie);
        clock.Advance(TimeSpan.FromMinutes(16));
        var afterRenewal = await app.GetWithCookieAsync("/notes/admin", cookie);

        Assert.Equal(HttpStatusCode.Forbidden, beforeRenewal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRenewal.StatusCode);
        Assert.NotNull(afterRenewal.SessionSetCookie());
    }

    // The cookie's attributes, lowercased and sorted, the expiry date left out.
    private static IEnumerable<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).Select(a => a.StartsWith("expires=", StringComparison.Ordinal) ? "expires" : a).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Private_WhenTheAccountIsDisabled_RefusesItsSessionCookieAtOnce()
    {
        await using var app = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        await app.RegisterAsync("mallory@example.com");
        var cookie = await app.CookieLoginAsync("mallory@example.com");

        var before = await app.GetWithCookieAsync("/notes/private", cookie);
        await app.DisableAsync("mallory@example.com");
        var after = await app.GetWithCookieAsync("/notes/private", cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await after.StatusAndCodeAsync());
    }
}
