using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.RateLimits;

/// <summary>The per-minute limits of login, register and forgot-password, per client address and per account name.</summary>
public sealed class RateLimitTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Login_WhenRateExceeded_Answers429WithRetryAfter()
    {
        await using var app = await Vaults.StartAsync(database, ("auth", "login_rate_per_minute", "3"));

        var allowed = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await app.PostFromAsync("10.0.0.1", "/auth/login", new { email = $"user{i}@example.com", password = Vaults.Password }));
        }

        var refused = await app.PostFromAsync("10.0.0.1", "/auth/login", new { email = "other@example.com", password = Vaults.Password });
        var otherAddress = await app.PostFromAsync("10.0.0.2", "/auth/login", new { email = "other@example.com", password = Vaults.Password });

        Assert.All(allowed, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(((HttpStatusCode)429, AccountErrorCodes.RateLimited), await refused.StatusAndCodeAsync());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await otherAddress.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Login_WhenOneAccountIsTriedFromManyAddresses_Answers429ForThatAccountOnly()
    {
        await using var app = await Vaults.StartAsync(database, ("auth", "login_rate_per_minute", "100"), ("auth", "login_account_rate_per_minute", "2"));
        await app.RegisterAsync("ada@example.com");

        var first = await app.PostFromAsync("10.0.0.1", "/auth/login", new { email = "ada@example.com", password = "wrong password" });
        var second = await app.PostFromAsync("10.0.0.2", "/auth/login", new { email = "ADA@example.com", password = "wrong password" });
        var third = await app.PostFromAsync("10.0.0.3", "/auth/login", new { email = " ada@EXAMPLE.com ", password = Vaults.Password });
        var otherAccount = await app.PostFromAsync("10.0.0.3", "/auth/login", new { email = "bob@example.com", password = Vaults.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(((HttpStatusCode)429, AccountErrorCodes.RateLimited), await third.StatusAndCodeAsync());
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await otherAccount.StatusAndCodeAsync());
    }

    [Fact]
    public async Task Login_WhenTheAccountLimitIsSpentFromOneAddress_Answers429BeforeTheAddressLimit()
    {
        await using var app = await Vaults.StartAsync(database, ("auth", "login_rate_per_minute", "10"), ("auth", "login_account_rate_per_minute", "2"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await app.PostLoginAsync("ada@example.com", "wrong password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429], answers);
    }

    [Fact]
    public async Task Register_WhenRateExceeded_Answers429AndCreatesNoAccount()
    {
        await using var app = await Vaults.StartAsync(database, ("auth", "register_rate_per_minute", "1"));

        var first = await app.PostFromAsync("10.0.0.1", "/auth/register", new { email = "ada@example.com", password = Vaults.Password });
        var second = await app.PostFromAsync("10.0.0.1", "/auth/register", new { email = "bob@example.com", password = Vaults.Password });
        var bobLogin = await app.PostLoginAsync("bob@example.com");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(((HttpStatusCode)429, AccountErrorCodes.RateLimited), await second.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bobLogin.StatusCode);
    }
}
