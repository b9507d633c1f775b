using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fwk.Accounts.Tests.Email;

/// <summary><c>[auth] email_token_minutes</c>: the lifetime of Identity's reset and confirmation tokens, read when serving starts.</summary>
public sealed class EmailSettingsTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
{
    [Theory]
    [InlineData(null, 60)]
    [InlineData("5", 5)]
    public async Task EmailTokenMinutes_SetsTheTokenLifespan(string? minutes, int expected)
    {
        await using var app = minutes is null ? await Vaults.StartAsync(database) : await Vaults.StartAsync(database, ("auth", "email_token_minutes", minutes));

        var lifespan = app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan;

        Assert.Equal(TimeSpan.FromMinutes(expected), lifespan);
    }

    [Fact]
    public async Task Start_WithATokenLifetimeUnderFiveMinutes_FailsNamingTheKey()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Vaults.StartAsync(database, ("auth", "email_token_minutes", "1")));

        Assert.Contains("email_token_minutes", failure.ToString(), StringComparison.Ordinal);
    }
}
