using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts.Tests.DataProtection;

/// <summary>Data protection's keys live in the project's database: a session cookie works in every instance on it, and after a restart.</summary>
public sealed class DataProtectionKeyTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Cookie_IssuedByOneInstance_IsAcceptedByAnotherAndAfterARestart()
    {
        await using var first = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        var shared = ("database", "name", first.Databases["default"]);
        var account = await first.RegisterAsync("ada@example.com");
        string cookie;
        await using (var second = await Infrastructure.Cookies.StartInCookieModeAsync(database, shared))
        {
            cookie = await second.CookieLoginAsync("ada@example.com");
            Assert.Equal(account.Id.ToString(), await (await first.GetWithCookieAsync("/notes/private", cookie)).ReadSuccessAsync<string>());
        }

        await using var restarted = await Infrastructure.Cookies.StartInCookieModeAsync(database, shared);
        var afterRestart = await restarted.GetWithCookieAsync("/notes/private", cookie);
        var keys = await first.WithSessionAsync(db => db.Set<DataProtectionKey>().CountAsync());

        Assert.Equal(account.Id.ToString(), await afterRestart.ReadSuccessAsync<string>());
        Assert.Equal(1, keys);
    }

    [Fact]
    public async Task Cookie_OfAnotherApplicationName_IsRefused()
    {
        await using var first = await Infrastructure.Cookies.StartInCookieModeAsync(database);
        await first.RegisterAsync("ada@example.com");
        var cookie = await first.CookieLoginAsync("ada@example.com");

        await using var other = await Infrastructure.Cookies.StartInCookieModeAsync(
            database, ("database", "name", first.Databases["default"]), ("auth", "data_protection_application", "another-project"));
        var response = await other.GetWithCookieAsync("/notes/private", cookie);

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
    }
}
