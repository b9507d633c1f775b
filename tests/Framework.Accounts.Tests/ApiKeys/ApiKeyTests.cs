using System.Net;
using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fwk.Accounts.Tests.ApiKeys;

/// <summary>API keys over HTTP: created by the account holder, shown once, scoped to its permissions, revoked, expired, ended with its sessions.</summary>
public sealed class ApiKeyTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task ApiKey_WithItsScope_PassesRequirePermissionButNotRequireRole()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var account = await (await app.GetAsync("/auth/me", tokens.AccessToken)).ReadSuccessAsync<Account>();
        await app.GrantAsync(account.Id, "reports.read");

        var created = await app.CreateKeyAsync(tokens.AccessToken, "nightly export", ["reports.read"], expiresDays: 30);
        var key = await created.ReadSuccessAsync<CreatedKey>();
        var reports = await app.GetWithKeyAsync("/notes/reports", key.Key);
        var subject = await (await app.GetWithKeyAsync("/notes/private", key.Key)).ReadSuccessAsync<string>();
        var admin = await app.GetWithKeyAsync("/notes/admin", key.Key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^fwk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$", key.Key);
        Assert.Equal(["reports.read"], key.Scopes);
        Assert.Equal("nightly export", key.Name);
        Assert.InRange(key.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.Equal("reports", await reports.ReadSuccessAsync<string>());
        Assert.Equal(account.Id.ToString(), subject);
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await admin.StatusAndCodeAsync());
    }

    [Fact]
    public async Task ApiKey_WithoutTheScope_Answers403AndWhenTheOwnerLosesIt403Too()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var account = await (await app.GetAsync("/auth/me", tokens.AccessToken)).ReadSuccessAsync<Account>();
        await app.GrantAsync(account.Id, "reports.read");
        var unscoped = await app.CreateKeyOrFailAsync(tokens.AccessToken);
        var scoped = await app.CreateKeyOrFailAsync(tokens.AccessToken, "reports.read");

        var withoutScope = await app.GetWithKeyAsync("/notes/reports", unscoped.Key);
        var privateRoute = await app.GetWithKeyAsync("/notes/private", unscoped.Key);
        await app.WithSessionAsync(db => db.Set<IdentityUserClaim<Guid>>().Where(c => c.UserId == account.Id).ExecuteDeleteAsync());
        var afterRevokedPermission = await app.GetWithKeyAsync("/notes/reports", scoped.Key);

        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await withoutScope.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, privateRoute.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await afterRevokedPermission.StatusAndCodeAsync());
    }

    [Fact]
    public async Task CreateApiKey_WithAScopeTheAccountLacksOrBadFields_Answers1002NamingThem()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("eve@example.com");

        var escalation = await (await app.CreateKeyAsync(tokens.AccessToken, "mine", ["reports.read"])).ReadErrorAsync();
        var badExpiry = await (await app.CreateKeyAsync(tokens.AccessToken, "mine", [], expiresDays: 0)).ReadErrorAsync();
        var noName = await (await app.SendAsync(HttpMethod.Post, "/auth/api-keys", tokens.AccessToken, new { scopes = Array.Empty<string>() })).ReadErrorAsync();
        var anonymous = await app.SendAsync(HttpMethod.Post, "/auth/api-keys", null, new { name = "mine" });

        Assert.Equal((ErrorCodes.ValidationFailed, "scopes"), (escalation.Code, Assert.Single(escalation.Fields.Keys)));
        Assert.Equal((ErrorCodes.ValidationFailed, "expires_days"), (badExpiry.Code, Assert.Single(badExpiry.Fields.Keys)));
        Assert.Equal((ErrorCodes.ValidationFailed, "name"), (noName.Code, Assert.Single(noName.Fields.Keys)));
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await anonymous.StatusAndCodeAsync());
    }

    [Fact]
    public async Task ApiKey_WhenRevoked_Answers401AndListsInactiveWithoutItsSecret()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var other = await app.RegisterAndLoginAsync("bob@example.com");
        var key = await app.CreateKeyOrFailAsync(tokens.AccessToken);
        var kept = await app.CreateKeyOrFailAsync(tokens.AccessToken);

        var byAnother = await app.SendAsync(HttpMethod.Delete, $"/auth/api-keys/{key.Id}", other.AccessToken);
        var revoke = await app.SendAsync(HttpMethod.Delete, $"/auth/api-keys/{key.Id}", tokens.AccessToken);
        var again = await app.SendAsync(HttpMethod.Delete, $"/auth/api-keys/{key.Id}", tokens.AccessToken);
        var unknown = await app.SendAsync(HttpMethod.Delete, $"/auth/api-keys/{Guid.NewGuid()}", tokens.AccessToken);
        var afterRevoke = await app.GetWithKeyAsync("/notes/private", key.Key);
        var listResponse = await app.GetAsync("/auth/api-keys", tokens.AccessToken);
        var listText = await listResponse.Content.ReadAsStringAsync();
        var list = await listResponse.ReadSuccessAsync<List<KeyInfo>>();

        Assert.Equal((HttpStatusCode.NotFound, AccountErrorCodes.ApiKeyNotFound), await byAnother.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (revoke.StatusCode, again.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, AccountErrorCodes.ApiKeyNotFound), await unknown.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await afterRevoke.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.GetWithKeyAsync("/notes/private", kept.Key)).StatusCode);
        Assert.Equal([(kept.Id, true), (key.Id, false)], list.Select(k => (k.Id, k.Active)));
        Assert.NotNull(list[1].RevokedAt);
        Assert.DoesNotContain(key.Key.Split('_', 3)[2], listText, StringComparison.Ordinal);
        Assert.Empty((await (await app.GetAsync("/auth/api-keys", other.AccessToken)).ReadSuccessAsync<List<KeyInfo>>()));
    }

    [Fact]
    public async Task ApiKey_WhenExpired_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var key = await (await app.CreateKeyAsync(tokens.AccessToken, "short-lived", [], expiresDays: 1)).ReadSuccessAsync<CreatedKey>();
        var before = await app.GetWithKeyAsync("/notes/private", key.Key);

        await app.WithSessionAsync(db => db.Set<ApiKeyRecord>().Where(k => k.Id == key.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var after = await app.GetWithKeyAsync("/notes/private", key.Key);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await after.StatusAndCodeAsync());
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("fwk_not-an-id_secret")]
    [InlineData("")]
    public async Task ApiKey_WhenMalformed_Answers401(string key)
    {
        await using var app = await Vaults.StartAsync(database);

        var response = await app.GetWithKeyAsync("/notes/private", key);

        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await response.StatusAndCodeAsync());
    }

    [Fact]
    public async Task ApiKey_WithAWrongSecretOrAnotherKeysId_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var key = await app.CreateKeyOrFailAsync(tokens.AccessToken);
        var other = await app.CreateKeyOrFailAsync(tokens.AccessToken);
        var secret = key.Key.Split('_', 3)[2];

        var tampered = key.Key[..^1] + (key.Key[^1] == 'A' ? 'B' : 'A');
        var swapped = $"fwk_{other.Id:N}_{secret}";

        Assert.Equal(HttpStatusCode.OK, (await app.GetWithKeyAsync("/notes/private", key.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetWithKeyAsync("/notes/private", tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetWithKeyAsync("/notes/private", swapped)).StatusCode);
    }

    [Fact]
    public async Task ApiKey_AfterLogoutAllOrAPasswordChange_Answers401()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var beforeLogoutAll = await app.CreateKeyOrFailAsync(tokens.AccessToken);
        await app.SendAsync(HttpMethod.Post, "/auth/logout-all", tokens.AccessToken);
        var fresh = await (await app.PostLoginAsync("ada@example.com")).ReadSuccessAsync<TokenPair>();
        var beforePasswordChange = await app.CreateKeyOrFailAsync(fresh.AccessToken);
        var stillWorking = await app.GetWithKeyAsync("/notes/private", beforePasswordChange.Key);

        var changed = await (await app.SendAsync(HttpMethod.Post, "/auth/password", fresh.AccessToken, new { current_password = Vaults.Password, new_password = "another long password" }))
            .ReadSuccessAsync<TokenPair>();
        var list = await (await app.GetAsync("/auth/api-keys", changed.AccessToken)).ReadSuccessAsync<List<KeyInfo>>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetWithKeyAsync("/notes/private", beforeLogoutAll.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillWorking.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetWithKeyAsync("/notes/private", beforePasswordChange.Key)).StatusCode);
        Assert.All(list, k => Assert.False(k.Active));
    }

    [Fact]
    public async Task ApiKey_WhenTheOwnerIsDisabled_Answers401ButFailedLoginsDoNotEndIt()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var key = await app.CreateKeyOrFailAsync(tokens.AccessToken);

        for (var i = 0; i < 3; i++)
        {
            await app.PostLoginAsync("ada@example.com", "wrong password");
        }

        var lockedOut = await app.PostLoginAsync("ada@example.com");
        var afterFailedLogins = await app.GetWithKeyAsync("/notes/private", key.Key);
        await app.DisableAsync("ada@example.com");
        var afterDisable = await app.GetWithKeyAsync("/notes/private", key.Key);

        Assert.Equal(HttpStatusCode.Unauthorized, lockedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterFailedLogins.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, AccountErrorCodes.Unauthenticated), await afterDisable.StatusAndCodeAsync());
    }

    [Fact]
    public async Task ApiKey_OnRoutesThatManageTheAccount_Answers403()
    {
        await using var app = await Vaults.StartAsync(database);
        var tokens = await app.RegisterAndLoginAsync("ada@example.com");
        var key = await app.CreateKeyOrFailAsync(tokens.AccessToken);

        var mint = await app.SendWithKeyAsync(HttpMethod.Post, "/auth/api-keys", key.Key, new { name = "another" });
        var list = await app.SendWithKeyAsync(HttpMethod.Get, "/auth/api-keys", key.Key);
        var logoutAll = await app.SendWithKeyAsync(HttpMethod.Post, "/auth/logout-all", key.Key);
        var me = await app.GetWithKeyAsync("/auth/me", key.Key);

        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await mint.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await list.StatusAndCodeAsync());
        Assert.Equal((HttpStatusCode.Forbidden, AccountErrorCodes.Forbidden), await logoutAll.StatusAndCodeAsync());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/auth/me", tokens.AccessToken)).StatusCode);
    }
}
