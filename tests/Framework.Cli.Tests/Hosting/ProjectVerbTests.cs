using System.Text.RegularExpressions;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>Verbs that build a project and run inside it: routes, build failures, exit codes passed through, packages.</summary>
[Collection(FwkToolGroup.Name)]
public sealed class ProjectVerbTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    [Fact]
    public async Task Routes_lists_every_scaffolded_app()
    {
        var result = await fwk.RunFwkAsync(fwk.DemoDirectory, "routes");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Building Demo", result.StandardError, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^GET\s+/\s+HelloApp\s+HelloApp\.Index$", RegexOptions.Multiline), result.StandardOutput);
        Assert.Matches(new Regex(@"^GET\s+/blog\s+BlogApp\s+BlogApp\.Index$", RegexOptions.Multiline), result.StandardOutput);
    }

    [Fact]
    public async Task Project_option_accepts_a_csproj_path()
    {
        var result = await fwk.RunFwkAsync(fwk.EmptyDirectory, "routes", "--project", Path.Combine(fwk.DemoDirectory, "Demo.csproj"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(new Regex(@"^GET\s+/blog\s+BlogApp", RegexOptions.Multiline), result.StandardOutput);
    }

    [Fact]
    public async Task An_app_usage_error_passes_through_as_exit_2()
    {
        // Without --yes and without a terminal, the app refuses to drop the database: its exit code 2 is fwk's.
        var result = await fwk.RunFwkAsync(fwk.DemoDirectory, "drop_db");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Refusing without --yes", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_failure_is_shown_plainly_and_exits_1()
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
    public async Task A_project_on_the_packed_fwk_packages_builds_and_runs_its_verbs()
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
    public async Task No_build_on_a_project_never_built_exits_1_and_says_so()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "unbuilt")).FullName;
        var created = await fwk.RunFwkAsync(parent, "create_project", "--name", "Unbuilt", "--fwk-source", RepositoryRoot.Path);
        Assert.True(created.ExitCode == 0, created.ToString());

        var result = await fwk.RunFwkAsync(Path.Combine(parent, "Unbuilt"), "routes", "--no-build");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("build the project first", result.StandardError, StringComparison.Ordinal);
    }
}
