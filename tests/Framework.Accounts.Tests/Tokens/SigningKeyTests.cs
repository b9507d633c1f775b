using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;

namespace Fwk.Accounts.Tests.Tokens;

/// <summary>The signing key's variable: serving stops before traffic, naming the variable, when it is missing or short; the key never shows.</summary>
public sealed class SigningKeyTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Fact]
    public async Task Start_WhenTheKeyVariableIsUnset_FailsNamingIt()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Vaults.StartAsync(database, ("auth", "signing_key_env", "FWK_TEST_NO_SUCH_KEY")));

        Assert.Contains("environment variable FWK_TEST_NO_SUCH_KEY", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenTheKeyIsTooShort_FailsNamingItButNotShowingIt()
    {
        Environment.SetEnvironmentVariable("FWK_TEST_SHORT_KEY", "short-secret-value");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Vaults.StartAsync(database, ("auth", "signing_key_env", "FWK_TEST_SHORT_KEY")));

        Assert.Contains("FWK_TEST_SHORT_KEY is 18 bytes; it needs at least 32", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-value", failure.ToString(), StringComparison.Ordinal);
    }
}
