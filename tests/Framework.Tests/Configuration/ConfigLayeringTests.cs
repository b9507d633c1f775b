using System.Collections;
using System.Net;
using Fwk.Tests.Errors;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Configuration;

public sealed class ConfigLayeringTests
{
    private const string MailSection = "[mail]\nhost = base.example\nport = 25";

    [Fact]
    public async Task Create_WhenEnvironmentIsDev_LayersConfigDevIniOverConfigIni()
    {
        await using var project = new TestProject(sections: MailSection, environmentName: "dev");
        project.WriteFile("config.dev.ini", "[mail]\nhost = dev.example\n");

        Assert.Equal("dev.example", project.App.Configuration["mail:host"]);
        Assert.Equal("25", project.App.Configuration["mail:port"]);
    }

    [Fact]
    public async Task Create_WhenFwkEnvVariableIsDev_LayersConfigDevIni()
    {
        await using var project = new TestProject(sections: MailSection, variables: new Hashtable { ["FWK_ENV"] = "dev" });
        project.WriteFile("config.dev.ini", "[mail]\nhost = dev.example\n");

        Assert.Equal("dev.example", project.App.Configuration["mail:host"]);
    }

    [Fact]
    public async Task Create_WhenNoEnvironment_IgnoresConfigDevIni()
    {
        await using var project = new TestProject(sections: MailSection);
        project.WriteFile("config.dev.ini", "[mail]\nhost = dev.example\n");

        Assert.Equal("base.example", project.App.Configuration["mail:host"]);
    }

    [Fact]
    public async Task Start_WhenConfigDevIniSetsFrameworkKey_AppliesIt()
    {
        await using var project = new TestProject(environmentName: "dev");
        project.WriteFile("config.dev.ini", "[networking]\nmax_body_size = 32\n");
        await project.Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.PostAsync("/items", Envelope.Json($"{{\"name\":\"{new string('x', 100)}\",\"count\":1}}"));

        await Envelope.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.BodyTooLarge);
    }

    [Fact]
    public async Task Start_WhenEnvironmentVariableOverridesMaxBodySize_AppliesIt()
    {
        var variables = new Hashtable { ["FWK_NETWORKING__MAX_BODY_SIZE"] = "32" };
        await using var project = await new TestProject(networking: "max_body_size = 1000000", variables: variables).Add<ErrorPathsApp>().StartAsync();

        var small = await project.Client.PostAsync("/items", Envelope.Json("{\"name\":\"a\",\"count\":1}"));
        var large = await project.Client.PostAsync("/items", Envelope.Json($"{{\"name\":\"{new string('x', 100)}\",\"count\":1}}"));

        await Envelope.AssertSuccessAsync(small);
        await Envelope.AssertErrorAsync(large, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.BodyTooLarge);
    }

    [Fact]
    public async Task Create_WhenEnvironmentVariableOverridesAppKey_WinsOverEveryFile()
    {
        var variables = new Hashtable { ["FWK_MAIL__HOST"] = "env.example", ["OTHER__HOST"] = "ignored" };
        await using var project = new TestProject(sections: MailSection, environmentName: "dev", variables: variables);
        project.WriteFile("config.dev.ini", "[mail]\nhost = dev.example\n");

        Assert.Equal("env.example", project.App.Configuration["mail:host"]);
        Assert.Null(project.App.Configuration["other:host"]);
    }

    [Fact]
    public async Task Start_WhenEnvironmentVariableHasBadValue_NamesTheVariable()
    {
        var variables = new Hashtable { ["FWK_NETWORKING__MAX_BODY_SIZE"] = "lots" };
        await using var project = new TestProject(variables: variables);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.Contains("environment variable FWK_NETWORKING__MAX_BODY_SIZE", error.Message, StringComparison.Ordinal);
        Assert.Contains("[networking] max_body_size = 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenLoggingHasASubsection_IgnoresItAndServes()
    {
        // The shape ASP.NET Core's own Logging__Console__FormatterName variable gives [logging]: a section, not a category.
        await using var project = await new TestProject(sections: "[logging]\nlevel = Debug\nConsole:FormatterName = simple").Add<ErrorPathsApp>().StartAsync();

        var response = await project.Client.PostAsync("/items", Envelope.Json("{\"name\":\"a\",\"count\":1}"));

        await Envelope.AssertSuccessAsync(response);
        Assert.Equal("Debug", project.App.Configuration["logging:level"]);
    }
}
