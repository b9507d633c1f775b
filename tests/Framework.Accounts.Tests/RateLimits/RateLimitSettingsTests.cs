using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.RateLimits;

/// <summary>The rate keys of <c>[auth]</c> are read when serving starts: a bad value stops it, naming the key.</summary>
public sealed class RateLimitSettingsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Theory]
    [InlineData("login_rate_per_minute", "-1")]
    [InlineData("forgot_password_account_rate_per_minute", "many")]
    public async Task Start_WithABadValue_FailsNamingTheKey(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Vaults.StartAsync(database, ("auth", key, value)));

        Assert.Contains(key, failure.ToString(), StringComparison.Ordinal);
    }
}
