using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts.Tests;

/// <summary>RequireAuth, RequireRole and RequirePermission on routes and on a whole app: 401 without a token, 403 without the right.</summary>
public sealed class FwkAuthorizationExtensionsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task RequireRole_WithoutTheRole_Answers403AndWithIt200()
    {
        await using var app = await Vaults.StartAsync(database);
        var plain = await app.RegisterAndLoginAsync("bob@example.com");
        var admin = await app.RegisterAsync("ada@example.com");
        await app.WithSessionAsync(db =>
        {
            var role = new AccountRole("admin");
            db.Add(role);
            db.Add(new IdentityUserRole<Guid> { UserId = admin.Id, RoleId = role.Id });
            return Task.CompletedTask;
        });
        var adminTokens = await (await app.PostLoginAsync("ada@example.com")).ReadSuccessAsync<TokenPair>();

        var anonymous = await app.GetAsync("/notes/admin", null);
        var forbidden = await app.GetAsync("/notes/admin", plain.AccessToken);
        var allowed = await app.GetAsync("/notes/admin", adminTokens.AccessToken);
        var me = await (await app.GetAsync("/auth/me", adminTokens.AccessToken)).ReadSuccessAsync<Account>();

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await anonymous.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await forbidden.StatusAndCodeAsync());
        Assert.Equal("admin", await allowed.ReadSuccessAsync<string>());
        Assert.Equal(["admin"], me.Roles);
    }

    [Fact]
    public async Task RequirePermission_FromTheAccountOrItsRole_Answers200AndOtherwise403()
    {
        await using var app = await Vaults.StartAsync(database);
        var plain = await app.RegisterAndLoginAsync("bob@example.com");
        var own = await app.RegisterAsync("ada@example.com");
        var viaRole = await app.RegisterAsync("cy@example.com");
        await app.WithSessionAsync(db =>
        {
            var role = new AccountRole("auditor");
            db.Add(role);
            db.Add(new IdentityRoleClaim<Guid> { RoleId = role.Id, ClaimType = AccountClaims.Permission, ClaimValue = "reports.read" });
            db.Add(new IdentityUserRole<Guid> { UserId = viaRole.Id, RoleId = role.Id });
            db.Add(new IdentityUserClaim<Guid> { UserId = own.Id, ClaimType = AccountClaims.Permission, ClaimValue = "reports.read" });
            return Task.CompletedTask;
        });
        var ownTokens = await (await app.PostLoginAsync("ada@example.com")).ReadSuccessAsync<TokenPair>();
        var roleTokens = await (await app.PostLoginAsync("cy@example.com")).ReadSuccessAsync<TokenPair>();

        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await (await app.GetAsync("/notes/reports", plain.AccessToken)).StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/notes/reports", ownTokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/notes/reports", roleTokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task AppRequireAuth_GuardsEveryRouteOfTheAppButTheOpenedOne()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await (await app.GetAsync("/vault", null)).StatusAndCodeAsync());
        Assert.Equal("secret", await (await app.GetAsync("/vault", tokens.AccessToken)).ReadSuccessAsync<string>());
        Assert.Equal("public notice", await (await app.GetAsync("/vault/notice", null)).ReadSuccessAsync<string>());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/notes/open")]
    public async Task UnguardedRoutes_WithoutAToken_StayOpen(string path)
    {
        await using var app = await Vaults.StartAsync(database);

        var response = await app.GetAsync(path, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
