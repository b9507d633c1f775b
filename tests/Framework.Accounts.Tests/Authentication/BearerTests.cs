using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Fwk.Accounts.Tests.Authentication;

/// <summary>Access tokens JwtBearer refuses: tampered, expired, unsigned, signed with another key, of a stale stamp.</summary>
public sealed class BearerTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Private_WithoutAToken_Answers401WithABearerChallenge()
    {
        await using var app = await Vaults.StartAsync(database);

        var response = await app.GetAsync("/notes/private", null);

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Private_WithAValidToken_AnswersWithItsAccount()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var account = await (await app.GetAsync("/auth/me", tokens.AccessToken)).ReadSuccessAsync<Account>();

        var subject = await (await app.GetAsync("/notes/private", tokens.AccessToken)).ReadSuccessAsync<string>();

        Assert.Equal(account.Id.ToString(), subject);
    }

    [Fact]
    public async Task Admin_WithATamperedToken_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("eve@example.com");

        var response = await app.GetAsync("/notes/admin", ForgedTokens.WithRole(tokens.AccessToken, "admin"));

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Private_WithAnExpiredToken_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");

        var expired = ForgedTokens.Signed(ForgedTokens.ClaimsOf(tokens.AccessToken), DateTime.UtcNow.AddMinutes(-5));
        var response = await app.GetAsync("/notes/private", expired);

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Private_WithAnUnsignedToken_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");

        var response = await app.GetAsync("/notes/private", ForgedTokens.Unsigned(tokens.AccessToken));

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Private_WithATokenSignedWithAnotherKey_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");

        var other = ForgedTokens.Signed(ForgedTokens.ClaimsOf(tokens.AccessToken), DateTime.UtcNow.AddMinutes(5), key: new string('k', 40));
        var sameKey = ForgedTokens.Signed(ForgedTokens.ClaimsOf(tokens.AccessToken), DateTime.UtcNow.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/notes/private", other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/notes/private", sameKey)).StatusCode);
    }

    [Fact]
    public async Task Private_WhenTheAccountIsDisabled_RefusesItsAccessTokenAtOnceButFailedLoginsDoNot()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("mallory@example.com");
        for (var i = 0; i < 3; i++)
        {
            await app.PostLoginAsync("mallory@example.com", "wrong password");
        }

        var afterFailedLogins = await app.GetAsync("/notes/private", tokens.AccessToken);
        await app.DisableAsync("mallory@example.com");
        var afterDisable = await app.GetAsync("/notes/private", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, afterFailedLogins.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await afterDisable.StatusAndCodeAsync());
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("algorithm")]
    [InlineData("not yet valid")]
    public async Task Private_WithTheProjectsKeyButAnotherIssuerAudienceOrAlgorithmOrAFutureNbf_Answers401(string forged)
    {
        await using var app = await Vaults.StartAsync(database);
        var claims = ForgedTokens.ClaimsOf((await app.RegisterAndLoginAsync("ada@example.com")).AccessToken);
        var now = DateTime.UtcNow;
        var token = forged switch
        {
            "issuer" => ForgedTokens.Signed(claims, now.AddMinutes(5), issuer: "someone-else"),
            "audience" => ForgedTokens.Signed(claims, now.AddMinutes(5), audience: "another-api"),
            "algorithm" => ForgedTokens.Signed(claims, now.AddMinutes(5), algorithm: SecurityAlgorithms.HmacSha384),
            _ => ForgedTokens.Signed(claims, now.AddMinutes(20), notBefore: now.AddMinutes(10)),
        };

        var response = await app.GetAsync("/notes/private", token);
        var control = await app.GetAsync("/notes/private", ForgedTokens.Signed(claims, now.AddMinutes(5)));

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }
}
