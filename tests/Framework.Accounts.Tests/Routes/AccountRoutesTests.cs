using System.Net;
using System.Net.Http.Json;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Routes;

/// <summary>An account's life over HTTP: register, login, me, refresh, logout, logout-all.</summary>
public sealed class AccountRoutesTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Flow_RegisterLoginMeRefreshLogout_RotatesAndRevokes()
    {
        await using var app = await Vaults.StartAsync(database);

        var registered = await app.Client.PostAsJsonAsync("/auth/register", new { email = "ada@example.com", password = Vaults.Password });
        var account = await registered.ReadSuccessAsync<Account>();
        var login = await (await app.PostLoginAsync("ada@example.com")).ReadSuccessAsync<TokenPair>();
        var me = await (await app.GetAsync("/auth/me", login.AccessToken)).ReadSuccessAsync<Account>();
        var refreshed = await (await app.RefreshAsync(login.RefreshToken)).ReadSuccessAsync<TokenPair>();
        var oldRefreshAgain = await app.RefreshAsync(login.RefreshToken);
        var logout = await app.SendAsync(HttpMethod.Post, "/auth/logout", null, new { refresh_token = refreshed.RefreshToken });
        var afterLogout = await app.RefreshAsync(refreshed.RefreshToken);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(("ada@example.com", account.Id), (me.Email, me.Id));
        Assert.Equal(("Bearer", 15 * 60), (login.TokenType, login.ExpiresIn));
        Assert.NotEqual(login.RefreshToken, refreshed.RefreshToken);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.RefreshRefused), await oldRefreshAgain.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.RefreshRefused), await afterLogout.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Refresh_WhenARotatedTokenIsReused_RevokesItsFamily()
    {
        await using var app = await Vaults.StartAsync(database);
        var login = await app.RegisterAndLoginAsync("eve@example.com");
        var refreshed = await (await app.RefreshAsync(login.RefreshToken)).ReadSuccessAsync<TokenPair>();

        var reuse = await app.RefreshAsync(login.RefreshToken);
        var newest = await app.RefreshAsync(refreshed.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal("Bearer", reuse.Headers.WwwAuthenticate.ToString());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.RefreshRefused), await newest.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Refresh_WhenTheAccountIsDisabled_Answers1204ButFailedLoginsDoNotEndIt()
    {
        await using var app = await Vaults.StartAsync(database);
        var login = await app.RegisterAndLoginAsync("mallory@example.com");
        for (var i = 0; i < 3; i++)
        {
            await app.PostLoginAsync("mallory@example.com", "wrong password");
        }

        var afterFailedLogins = await (await app.RefreshAsync(login.RefreshToken)).ReadSuccessAsync<TokenPair>();
        await app.DisableAsync("mallory@example.com");
        var afterDisable = await app.RefreshAsync(afterFailedLogins.RefreshToken);

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.RefreshRefused), await afterDisable.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Refresh_WhenOneTokenIsSentTwiceAtOnce_RotatesItAtMostOnce()
    {
        await using var app = await Vaults.StartAsync(database);
        var login = await app.RegisterAndLoginAsync("eve@example.com");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.RefreshAsync(login.RefreshToken)));

        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 0, 1);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task LogoutAll_FromAnotherLogin_KillsEveryAccessAndRefreshToken()
    {
        await using var app = await Vaults.StartAsync(database);
        var phone = await app.RegisterAndLoginAsync("bob@example.com");
        var laptop = await (await app.PostLoginAsync("bob@example.com")).ReadSuccessAsync<TokenPair>();

        var logoutAll = await app.SendAsync(HttpMethod.Post, "/auth/logout-all", laptop.AccessToken);
        var phoneMe = await app.GetAsync("/auth/me", phone.AccessToken);
        var laptopMe = await app.GetAsync("/auth/me", laptop.AccessToken);
        var phoneRefresh = await app.RefreshAsync(phone.RefreshToken);
        var again = await (await app.PostLoginAsync("bob@example.com")).ReadSuccessAsync<TokenPair>();

        Assert.Equal(HttpStatusCode.OK, logoutAll.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await phoneMe.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await laptopMe.StatusAndCodeAsync());
        Assert.Contains("invalid_token", phoneMe.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.RefreshRefused), await phoneRefresh.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/auth/me", again.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Register_WhenTheEmailHasAnAccount_Answers409()
    {
        await using var app = await Vaults.StartAsync(database);
        await app.RegisterAsync("ada@example.com");

        var again = await app.Client.PostAsJsonAsync("/auth/register", new { email = "ADA@example.com", password = Vaults.Password });

        Assert.Equal((HttpStatusCode.Conflict, AccountErrorCodes.EmailTaken), await again.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Register_WithAShortPasswordOrNoEmail_Answers1002NamingTheField()
    {
        await using var app = await Vaults.StartAsync(database);

        var shortPassword = await (await app.Client.PostAsJsonAsync("/auth/register", new { email = "ada@example.com", password = "short" })).ReadErrorAsync();
        var noEmail = await (await app.Client.PostAsJsonAsync("/auth/register", new { password = Vaults.Password })).ReadErrorAsync();

        Assert.Equal((ErrorCodes.ValidationFailed, "password"), (shortPassword.Code, Assert.Single(shortPassword.Fields.Keys)));
        Assert.Equal((ErrorCodes.ValidationFailed, "email"), (noEmail.Code, Assert.Single(noEmail.Fields.Keys)));
    }
}
