using Fwk.Cli.Tests.Infrastructure;

namespace Fwk.Cli.Tests;

/// <summary>Parsing, help, usage errors and "no project": none of these builds anything.</summary>
[Collection(FwkToolGroup.Name)]
public sealed class CommandLineTests(FwkToolFixture fwk)
{
    [Fact]
    public async Task Help_InAnyDirectory_Exits0()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var verb in new[] { "run", "routes", "init_project", "create_db", "drop_db", "reset_db", "db", "create_project", "create_app" })
        {
            Assert.Contains($"  {verb} ", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("routes")]
    [InlineData("init_project")]
    [InlineData("create_db")]
    [InlineData("drop_db")]
    [InlineData("reset_db")]
    [InlineData("db", "start")]
    [InlineData("db", "stop")]
    [InlineData("db", "status")]
    [InlineData("db", "migrate")]
    [InlineData("db", "upgrade")]
    [InlineData("db", "downgrade")]
    [InlineData("db", "history")]
    [InlineData("db", "current")]
    [InlineData("db", "check")]
    [InlineData("create_project")]
    [InlineData("create_app")]
    public async Task Help_OnEveryVerb_NeedsNoProject(params string[] verb)
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, [.. verb, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"fwk {string.Join(' ', verb)} (\[<\w+>\] )?\[options\]", result.StandardOutput);
        Assert.DoesNotContain("Building", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_WhenInstalled_IsPackedVersion()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(fwk.Version, result.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenVerbUnknown_SaysSoInOneLineAndExits2()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("Unknown verb 'frobnicate' (fwk --help lists every verb).", result.StandardError.Trim());
    }

    [Theory]
    [InlineData("creat_project --name Shop", "create_project")]
    [InlineData("db upgrad", "db upgrade")]
    [InlineData("jobs lsit", "jobs list")]
    public async Task Verb_WhenMisspelled_SuggestsTheVerb(string typed, string meant)
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, typed.Split(' '));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Unknown verb '{typed.Split(" --")[0]}': did you mean '{meant}'?", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(fwk.EmptyDirectory));
    }

    [Fact]
    public async Task AnyVerb_WhenMisspelled_SuggestsTheProjectsVerb()
    {
        var result = await fwk.RunFwkAsync(fwk.DemoDirectory, "verb", "creat_db");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown verb 'creat_db': did you mean 'create_db'?", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenNoVerb_PrintsUsageAndExits2()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenOptionUnknown_PrintsVerbUsageAndExits2()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "routes", "--bogus");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--bogus", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("fwk routes [options]", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Building", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectVerb_WhenNoProjectFound_Exits1WithClearError()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "routes");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"No Fwk project found in {fwk.EmptyDirectory}", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Building", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectVerb_WhenProjectOptionPointsNowhere_Exits1()
    {
        var missing = Path.Combine(fwk.Root, "no-such-project");
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "create_db", "--project", missing);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"No Fwk project found in {missing}", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create_project", "9lives")]
    [InlineData("create_project", "my-shop")]
    [InlineData("create_project", "Fwk")]
    [InlineData("create_app", "class")]
    [InlineData("create_app", "Blog.Posts")]
    public async Task Scaffold_WhenNameInvalid_Exits2(string verb, string name)
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, verb, "--name", name);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"name '{name}'", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(fwk.EmptyDirectory));
    }

    [Fact]
    public async Task Scaffold_WhenNameMissing_Exits2()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "create_project");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--name", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--name", "Blog", "--crud", "Owners")]
    [InlineData("--project", ".")]
    public async Task CreateApp_WithCrudAndNameOrWithNeither_Exits2(params string[] arguments)
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, ["create_app", .. arguments]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("either --name NAME or --crud NAME", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(fwk.EmptyDirectory));
    }

    [Fact]
    public async Task CreateApp_WithCrudNameInvalid_Exits2()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "create_app", "--crud", "Blog.Posts");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("name 'Blog.Posts'", result.StandardError, StringComparison.Ordinal);
    }
}
