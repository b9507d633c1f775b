namespace Fwk.Accounts.Tests;

/// <summary>UseAccounts' own checks, before anything runs.</summary>
public sealed class FwkAccountsExtensionsTests
{
    [Fact]
    public async Task UseAccounts_WithoutUseDatabase_Throws()
    {
        var directory = Directory.CreateTempSubdirectory("fwk-accounts-");
        await using var app = FwkApplication.Create([], new FwkOptions { ProjectDirectory = directory.FullName, EnvironmentVariables = new Dictionary<string, string>() });

        var failure = Assert.Throws<InvalidOperationException>(() => app.UseAccounts());

        Assert.Contains("app.UseDatabase() before app.UseAccounts()", failure.Message, StringComparison.Ordinal);
        directory.Delete();
    }
}
