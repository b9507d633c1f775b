using System.Collections;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Configuration;

/// <summary>config.ini is written by <see cref="TestProject"/> as: line 1 [networking], line 2 urls, line 3 the extra networking text.</summary>
public sealed class ConfigErrorTests
{
    [Theory]
    [InlineData("this line is not ini")]
    [InlineData("[broken")]
    [InlineData("urls = http://127.0.0.1:1")]
    public async Task Run_WhenConfigIniLineIsMalformed_Returns1NamingFileAndLine(string line)
    {
        await using var project = new TestProject(networking: line);

        var exitCode = await project.RunAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("config.ini, line 3", project.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenConfigIniLineIsMalformed_ThrowsConfigurationException()
    {
        await using var project = new TestProject(networking: "not ini");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.StartsWith("config.ini, line 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'not ini'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenKeyIsSetTwice_NamesBothLines()
    {
        await using var project = new TestProject(networking: "max_body_size = 10\nMAX_BODY_SIZE = 20");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.StartsWith("config.ini, line 4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenConfigDevIniIsMalformed_NamesThatFile()
    {
        await using var project = new TestProject(environmentName: "dev");
        project.WriteFile("config.dev.ini", "[mail]\nhost = a\noops\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.StartsWith("config.dev.ini, line 3:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_body_size = lots", "[networking] max_body_size = 'lots'")]
    [InlineData("request_timeout = soon", "[networking] request_timeout = 'soon'")]
    [InlineData("urls = ftp://127.0.0.1", "[networking] urls = 'ftp://127.0.0.1'")]
    public async Task Run_WhenValueIsInvalid_NamesSectionKeyValueAndLine(string line, string expected)
    {
        await using var project = new TestProject();
        project.WriteFile("config.ini", $"; a comment\n[networking]\n{line}\n");

        var exitCode = await project.RunAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains($"config.ini, line 3: {expected}", project.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenEnvironmentFlagIsNotABoolean_NamesIt()
    {
        await using var project = new TestProject(sections: "[environment]\ndebug = maybe");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.Equal("config.ini, line 5: [environment] debug = 'maybe': expected true or false.", error.Message);
    }

    [Fact]
    public async Task Invalid_WhenKeyIsAPassword_NeverShowsTheValue()
    {
        var variables = new Hashtable { ["FWK_DATABASE__PASSWORD"] = "hunter2" };
        await using var project = new TestProject(sections: "[database]\npassword = s3cret", variables: variables);

        var error = Assert.Throws<ConfigurationException>(() => project.App.Config.Int("database", "password", 0));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.Contains("[database] password", error.Message, StringComparison.Ordinal);
        Assert.Contains("FWK_DATABASE__PASSWORD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenMalformedLineHoldsAPassword_NeverShowsIt()
    {
        await using var project = new TestProject(sections: "[database]\npassword: s3cret");

        var exitCode = await project.RunAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("config.ini, line 5", project.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", project.Error.ToString(), StringComparison.Ordinal);
    }
}
