using System.Text.RegularExpressions;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>Verbs that build a project and run inside it: routes, build failures, exit codes passed through, packages.</summary>
[Collection(FwkToolGroup.Name)]
public sealed class ProjectVerbTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    [Fact]
    public async Task Routes_WhenProjectHasTwoApps_ListsBoth()
    {
        var result = await fwk.RunFwkAsync(fwk.DemoDirectory, "routes");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        // Another test may have built Demo already: then it is not built again.
        Assert.Matches(new Regex("Building Demo|Demo is up to date"), result.StandardError);
        Assert.Matches(new Regex(@"^GET\s+/\s+HelloApp\s+HelloApp\.Index$", RegexOptions.Multiline), result.StandardOutput);
        Assert.Matches(new Regex(@"^GET\s+/blog\s+BlogApp\s+BlogApp\.Index$", RegexOptions.Multiline), result.StandardOutput);
    }

    [Fact]
    public async Task Verb_WhenGivenAnyProjectVerb_PassesItThroughWithItsArguments()
    {
        var listed = await fwk.RunFwkAsync(fwk.DemoDirectory, "verb", "--", "routes");
        var unknown = await fwk.RunFwkAsync(fwk.DemoDirectory, "verb", "--no-build", "--", "no_such_verb", "--flag");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Matches(new Regex(@"^GET\s+/blog\s+BlogApp", RegexOptions.Multiline), listed.StandardOutput);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("no_such_verb", unknown.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_WhenProjectOptionIsCsprojPath_UsesIt()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "routes", "--project", Path.Combine(fwk.DemoDirectory, "Demo.csproj"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(new Regex(@"^GET\s+/blog\s+BlogApp", RegexOptions.Multiline), result.StandardOutput);
    }

    [Fact]
    public async Task DropDb_WhenAppRefusesWithoutYes_PassesExit2Through()
    {
        // Without --yes and without a terminal, the app refuses to drop the database: its exit code 2 is fwk's.
        var result = await fwk.RunFwkAsync(fwk.DemoDirectory, "drop_db");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Refusing without --yes", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_WhenBuildFails_ShowsErrorsAndExits1()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "broken")).FullName;
        var created = await fwk.RunFwkAsync(parent, "create_project", "--name", "Broken", "--fwk-source", RepositoryRoot.Path);
        Assert.True(created.ExitCode == 0, created.ToString());
        var project = Path.Combine(parent, "Broken");
        await File.AppendAllTextAsync(Path.Combine(project, "Hello", "HelloApp.cs"), "this is not C#\n");

        var result = await fwk.RunFwkAsync(project, "routes");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Build of Broken failed", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("HelloApp.cs", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("error CS", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateProject_WhenUsingPackedPackages_BuildsAndRunsVerbs()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "packaged")).FullName;
        var created = await fwk.RunFwkAsync(parent, "create_project", "--name", "Shop", "--package-source", fwk.Packages);
        Assert.True(created.ExitCode == 0, created.ToString());

        var result = await fwk.RunFwkOnPackagesAsync(Path.Combine(parent, "Shop"), "routes");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(new Regex(@"^GET\s+/\s+HelloApp\s+HelloApp\.Index$", RegexOptions.Multiline), result.StandardOutput);
    }

    [Fact]
    public async Task Verb_WhenProjectUnchanged_SkipsBuild()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "fingerprinted")).FullName;
        var created = await fwk.RunFwkAsync(parent, "create_project", "--name", "Stamped", "--fwk-source", RepositoryRoot.Path);
        Assert.True(created.ExitCode == 0, created.ToString());
        var project = Path.Combine(parent, "Stamped");

        // Every build that runs MSBuild's Build target (even one with nothing to compile) adds a line to obj/builds.log.
        var csproj = Path.Combine(project, "Stamped.csproj");
        const string marker = """<Target Name="CountBuilds" AfterTargets="Build"><WriteLinesToFile File="$(MSBuildProjectDirectory)/obj/builds.log" Lines="built" /></Target>""";
        await File.WriteAllTextAsync(csproj, (await File.ReadAllTextAsync(csproj)).Replace("</Project>", marker + "\n</Project>", StringComparison.Ordinal));
        int Builds() => File.ReadAllLines(Path.Combine(project, "obj", "builds.log")).Length;

        var first = await fwk.RunFwkAsync(project, "routes");
        var second = await fwk.RunFwkAsync(project, "routes");
        var secondBuilds = Builds();
        await File.AppendAllTextAsync(Path.Combine(project, "Hello", "HelloApp.cs"), "// edited\n");
        var afterEdit = await fwk.RunFwkAsync(project, "routes");
        output.WriteLine(second.ToString());

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, secondBuilds);
        Assert.Contains("Stamped is up to date", second.StandardError, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^GET\s+/\s+HelloApp", RegexOptions.Multiline), second.StandardOutput);
        Assert.True(afterEdit.ExitCode == 0, afterEdit.ToString());
        Assert.Contains("Building Stamped", afterEdit.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, Builds());
    }

    [Fact]
    public async Task NoBuild_WhenProjectNeverBuilt_Exits1AndSaysSo()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "unbuilt")).FullName;
        var created = await fwk.RunFwkAsync(parent, "create_project", "--name", "Unbuilt", "--fwk-source", RepositoryRoot.Path);
        Assert.True(created.ExitCode == 0, created.ToString());

        // create_project built it for its first migration: without its build output it is a project never built.
        var project = Path.Combine(parent, "Unbuilt");
        Directory.Delete(Path.Combine(project, "bin"), recursive: true);
        Directory.Delete(Path.Combine(project, "obj"), recursive: true);
        var result = await fwk.RunFwkAsync(project, "routes", "--no-build");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("build the project first", result.StandardError, StringComparison.Ordinal);
    }
}
