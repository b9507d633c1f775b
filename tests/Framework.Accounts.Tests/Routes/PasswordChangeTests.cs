using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Routes;

/// <summary>POST /auth/password: needs the current password; revokes every other token.</summary>
public sealed class PasswordChangeTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Password_WhenTheCurrentPasswordIsWrong_Answers1205AndKeepsThePassword()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");

        var change = await app.SendAsync(HttpMethod.Post, "/auth/password", tokens.AccessToken, new { current_password = "not it", new_password = "another long password" });

        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.WrongPassword), await change.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync("ada@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/auth/me", tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Password_WhenChanged_RevokesOldTokensAndAnswersNewOnes()
    {
        await using var app = await Vaults.StartAsync(database);
        var old = await app.RegisterAndLoginAsync("ada@example.com");

        var change = await app.SendAsync(HttpMethod.Post, "/auth/password", old.AccessToken, new { current_password = Vaults.Password, new_password = "another long password" });
        var fresh = await change.ReadSuccessAsync<TokenPair>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/auth/me", old.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(old.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/auth/me", fresh.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync("ada@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostLoginAsync("ada@example.com", "another long password")).StatusCode);
    }

    [Fact]
    public async Task Password_WithoutAnAccessToken_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);

        var change = await app.SendAsync(HttpMethod.Post, "/auth/password", null, new { current_password = Vaults.Password, new_password = "another long password" });

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await change.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Password_AfterMaxFailedLoginsWrongCurrentPasswords_LocksTheAccountEvenForTheRightOne()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        for (var i = 0; i < 3; i++)
        {
            await app.SendAsync(HttpMethod.Post, "/auth/password", tokens.AccessToken, new { current_password = $"guess {i}", new_password = "another long password" });
        }

        var right = await app.SendAsync(HttpMethod.Post, "/auth/password", tokens.AccessToken, new { current_password = Vaults.Password, new_password = "another long password" });

        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.WrongPassword), await right.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await (await app.PostLoginAsync("ada@example.com")).StatusAndCodeAsync());
    }
}
