using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests;

/// <summary>The Accounts app as verbs see it: its tables and routes.</summary>
public sealed class AccountsAppTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task ResetDbAndRoutes_ShowTheAccountsApp()
    {
        await using var app = await Vaults.StartAsync(database);

        var reset = await app.RunVerbAsync("reset_db", "--yes");
        var routes = await app.RunVerbAsync("routes");

        Assert.Equal((0, 0), (reset.ExitCode, routes.ExitCode));
        Assert.Contains(
            "AccountsApp: created fwk_account_roles, fwk_account_users, fwk_data_protection_keys, fwk_account_role_claims, fwk_account_api_keys, fwk_account_refresh_tokens, fwk_account_user_claims, fwk_account_user_logins, fwk_account_user_roles, fwk_account_user_tokens",
            reset.Output,
            StringComparison.Ordinal);
        Assert.Matches(@"(?m)^POST\s+/auth/refresh\s+AccountsApp\s+TokenRefresh\.RefreshAsync$", routes.Output);
        Assert.Matches(@"(?m)^GET\s+/auth/me\s+AccountsApp\s+Me\.GetAsync$", routes.Output);
    }
}
