using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts.Tests.Routes;

/// <summary>Login failures: one answer for unknown, wrong and locked, and the lockout (config.ini: 3 failures).</summary>
public sealed class LoginTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Login_WhenUnknownOrWrongPassword_AnswersTheSame()
    {
        await using var app = await Vaults.StartAsync(database);
        await app.RegisterAsync("ada@example.com");

        var unknown = await app.PostLoginAsync("nobody@example.com");
        var wrong = await app.PostLoginAsync("ada@example.com", "wrong password");

        var (unknownError, wrongError) = (await unknown.ReadErrorAsync(), await wrong.ReadErrorAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), (unknownError.Status, unknownError.Code));
        Assert.Equal((unknownError.Status, unknownError.Code, unknownError.Message), (wrongError.Status, wrongError.Code, wrongError.Message));
        Assert.Equal("Bearer", unknown.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Login_AfterMaxFailures_RefusesTheRightPasswordUntilTheLockoutEndsButKeepsSessions()
    {
        await using var app = await Vaults.StartAsync(database);
        var account = await app.RegisterAsync("ada@example.com");
        var earlier = await (await app.PostLoginAsync("ada@example.com")).ReadSuccessAsync<TokenPair>();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostLoginAsync("ada@example.com", "wrong password")).StatusCode);
        }

        var locked = await app.PostLoginAsync("ada@example.com");
        var refreshWhileLocked = await app.RefreshAsync(earlier.RefreshToken);
        var lockoutEnd = await app.WithSessionAsync(db => db.Set<AccountUser>().Where(u => u.Id == account.Id).Select(u => u.LockoutEnd).SingleAsync());
        await app.WithSessionAsync(db => db.Set<AccountUser>().Where(u => u.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var afterLockout = await app.PostLoginAsync("ada@example.com");

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await locked.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, refreshWhileLocked.StatusCode);
        Assert.InRange(lockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
    }

    [Fact]
    public async Task Login_WithALongUnicodePassword_AcceptsExactlyThatPasswordNotATruncatedOrRecasedOne()
    {
        await using var app = await Vaults.StartAsync(database);
        var password = string.Concat(Enumerable.Repeat("Pässwörd 🔐 ", 8)) + "end"; // 99 UTF-16 units, none of them rules
        await app.RegisterAsync("ada@example.com", password);

        var exact = await app.PostLoginAsync("ada@example.com", password);
        var truncated = await app.PostLoginAsync("ada@example.com", password[..^1]);
        var recased = await app.PostLoginAsync("ada@example.com", password.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await truncated.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.LoginFailed), await recased.StatusAndCodeAsync());
    }
}
