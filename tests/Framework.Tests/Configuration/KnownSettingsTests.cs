using System.Collections;
using Fwk.Tests.Infrastructure;

namespace Fwk.Tests.Configuration;

/// <summary>
/// A misspelt key of a section Fwk (or a package) reads stops startup naming file, line, section and key with the nearest
/// key; a section nobody reads is a warning, with the nearest section when it is close. TestProject writes line 1
/// [networking], line 2 urls, line 3 the extra networking text, line 4 on the sections.
/// </summary>
public sealed class KnownSettingsTests
{
    [Theory]
    [InlineData("[environment]\ndebg = true", "config.ini, line 5: [environment] debg", "did you mean 'debug'?")]
    [InlineData("[apps]\nactiv = Blog", "config.ini, line 5: [apps] activ", "did you mean 'active'?")]
    [InlineData("[cors]\nallowed_orgins = *", "config.ini, line 5: [cors] allowed_orgins", "did you mean 'allowed_origins'?")]
    [InlineData("[environment]\ncolour = blue", "config.ini, line 5: [environment] colour", "the keys of [environment] are debug, name.")]
    public async Task Start_WhenKeyOfAFrameworkSectionIsUnknown_StopsNamingFileLineSectionKeyAndNearest(string sections, string where, string hint)
    {
        await using var project = new TestProject(sections: sections);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.StartsWith(where, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenNetworkingKeyIsMisspelt_Returns1WithTheMessage()
    {
        await using var project = new TestProject(networking: "ulrs = http://127.0.0.1:0");

        Assert.Equal(1, await project.RunAsync());

        Assert.Contains("config.ini, line 3: [networking] ulrs is not a setting Fwk reads; did you mean 'urls'?", project.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenAVariableSetsAnUnknownKey_NamesTheVariable()
    {
        await using var project = new TestProject(variables: new Hashtable { ["FWK_NETWORKING__MAX_BODY_SIZ"] = "10" });

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.StartsWith("environment variable FWK_NETWORKING__MAX_BODY_SIZ: [networking] MAX_BODY_SIZ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("did you mean 'max_body_size'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[netwrking]\nurls = http://127.0.0.1:8001", "config.ini, line 4: section [netwrking] is not one Fwk reads (did you mean [networking]?)")]
    [InlineData("[databse]\nname = x", "config.ini, line 4: section [databse] is not one Fwk reads (did you mean [database]?)")]
    [InlineData("[mail]\nhost = smtp.example.com", "config.ini, line 4: section [mail] is not one Fwk reads; it stays readable by apps.")]
    public async Task Start_WhenSectionIsUnknown_WarnsNamingItAndTheNearest_AndStillServes(string sections, string warning)
    {
        await using var project = new TestProject(sections: sections);
        project.App.Settings.Declare("database", "name");

        await project.StartAsync();

        Assert.Contains(project.Recorder.Logs, l => l.StartsWith("Warning: " + warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WhenLoggingHasCategoryKeys_AcceptsThem()
    {
        await using var project = new TestProject(sections: "[logging]\nlevel = Information\nMicrosoft.Hosting.Lifetime = Warning\nMy.Category = Debug");

        await project.StartAsync();

        Assert.DoesNotContain(project.Recorder.Logs, l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("[logging]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declare_WhenAPackageDeclaresItsSection_ChecksItsKeysAndNamedSections()
    {
        await using var project = new TestProject(sections: "[jobs]\nworkers = 2\nenabled = true\n[queue.mail]\nsize = 1\n[queue.sms]\nszie = 2");
        project.App.Settings.Declare("jobs", "enabled").Declare("jobs", "workers").Declare("queue.*", "size");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => project.App.StartAsync());

        Assert.Equal("config.ini, line 10: [queue.sms] szie is not a setting Fwk reads; did you mean 'size'?", error.Message);
    }

    [Fact]
    public async Task Declare_WhenThePackagesKeysAreAllKnown_Serves()
    {
        await using var project = new TestProject(sections: "[jobs]\nworkers = 2\nenabled = true");
        project.App.Settings.Declare("jobs", "enabled", "workers", "queues");

        await project.StartAsync();

        Assert.DoesNotContain(project.Recorder.Logs, l => l.Contains("[jobs]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("debg", "debug", 1)]
    [InlineData("ulrs", "urls", 1)]
    [InlineData("netwrking", "networking", 1)]
    [InlineData("urls", "urls", 0)]
    [InlineData("host", "port", 2)]
    [InlineData("mail", "apps", 4)]
    public void Distance_CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected) =>
        Assert.Equal(expected, NearestName.Distance(a, b));
}
