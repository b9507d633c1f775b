using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Testing;

/// <summary>Fwk.Testing's <c>LoginAsync</c> on a project with accounts: a client with a real token of the app, roles included.</summary>
public sealed class FwkTestAppLoginTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task LoginAsync_WithARole_CallsAsANewAccountThatHasIt()
    {
        await using var app = await Vaults.StartAsync(database);

        using var admin = await app.LoginAsync("root@example.com", "admin");
        var me = await (await admin.GetAsync("/auth/me")).ReadSuccessAsync<Account>();
        var adminOnly = await admin.GetAsync("/notes/admin");
        var anonymous = await app.Client.GetAsync("/notes/admin");

        Assert.Equal("root@example.com", me.Email);
        Assert.Equal(["admin"], me.Roles);
        Assert.Equal("admin", await adminOnly.ReadSuccessAsync<string>());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await anonymous.StatusAndCodeAsync());
    }

    [Fact]
    public async Task LoginAsync_ForAnAccountTheTestRegistered_LogsInAsThatAccount()
    {
        await using var app = await Vaults.StartAsync(database);
        var registered = await app.RegisterAsync("ada@example.com");

        using var ada = await app.LoginAsync("ada@example.com");
        using var again = await app.LoginAsync("ada@example.com");
        var me = await (await ada.GetAsync("/auth/me")).ReadSuccessAsync<Account>();

        Assert.Equal(registered.Id, me.Id);
        Assert.Empty(me.Roles);
        Assert.Equal(registered.Id.ToString(), await (await again.GetAsync("/notes/private")).ReadSuccessAsync<string>());
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/notes/private")).StatusCode);
    }
}
