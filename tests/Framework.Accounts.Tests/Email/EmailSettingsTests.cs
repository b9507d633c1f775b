using Fwk.Accounts.Tests.Infrastructure;
using Fwk.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fwk.Accounts.Tests.Email;

/// <summary><c>[auth] email_token_minutes</c> is the lifetime of Identity's reset and confirmation tokens.</summary>
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
}
