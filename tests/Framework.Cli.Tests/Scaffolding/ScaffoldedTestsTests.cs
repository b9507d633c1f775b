using System.Diagnostics;
using System.Text.RegularExpressions;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>
/// The tests project create_project scaffolds, run as a user runs it (<c>dotnet test tests</c>, from the packed packages):
/// its tests pass from a clean directory; a failing test fails the run; no run leaves a cluster, directory or database
/// behind; on an existing server a changed model gets a new template.
/// </summary>
[Collection(FwkToolGroup.Name)]
public sealed partial class ScaffoldedTestsTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    private static readonly string[] ClusterFolders = ["/dev/shm", Path.GetTempPath()];

    [Fact]
    public async Task ScaffoldedTests_OnAServerThenOnTheirOwnCluster_PassAndFailAsWritten_AndLeaveNothingBehind()
    {
        var project = await CreateProjectAsync("scaffolded", "Shop");
        Check(await fwk.RunFwkAsync(project, "create_app", "--name", "Blog"));
        try
        {
            var status = Check(await fwk.RunFwkOnPackagesAsync(project, "db", "start"));
            var socket = SocketOf().Match(status.StandardOutput);
            Assert.True(socket.Success, status.ToString());
            var server = new Dictionary<string, string?>
            {
                ["FWK_TEST_DATABASE"] = $"Host={socket.Groups["host"].Value};Port={socket.Groups["port"].Value};Username=postgres",
            };

            var passing = await DotnetTestAsync(project, server);
            Assert.True(passing.ExitCode == 0, passing.ToString());
            Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+10", passing.StandardOutput);
            Assert.Equal(("1", "0"), (await CountAsync(socket, "fwk_tpl_%"), await CountAsync(socket, "fwk_test_%")));

            Check(await fwk.RunFwkAsync(project, "create_app", "--name", "Notes"));
            await File.WriteAllTextAsync(Path.Combine(project, "Notes", "NotesApp.cs"), NotesAppWithAModel);
            await File.WriteAllTextAsync(Path.Combine(project, "tests", "FailingTests.cs"), FailingTest);
            Check(await fwk.RunFwkOnPackagesAsync(project, "db", "migrate", "-m", "add notes"));

            var failingOnItsOwnCluster = await DotnetTestAsync(project);
            Assert.True(failingOnItsOwnCluster.ExitCode != 0, failingOnItsOwnCluster.ToString());
            Assert.Matches(@"Failed!\s+- Failed:\s+1, Passed:\s+11", failingOnItsOwnCluster.StandardOutput);
            await AssertNoClusterLeftAsync();

            var failingOnTheServer = await DotnetTestAsync(project, server);
            Assert.Matches(@"Failed!\s+- Failed:\s+1, Passed:\s+11", failingOnTheServer.StandardOutput);
            Assert.Equal(("2", "0"), (await CountAsync(socket, "fwk_tpl_%"), await CountAsync(socket, "fwk_test_%")));
        }
        finally
        {
            output.WriteLine((await fwk.RunFwkAsync(project, "db", "stop", "--no-build")).ToString());
        }
    }

    private const string FailingTest = """
        namespace Shop.Tests;

        public sealed class FailingTests(FwkTestDatabase database) : IClassFixture<FwkTestDatabase>
        {
            [Fact]
            public async Task Root_AnswersSomethingElse_Fails()
            {
                await using var app = await FwkTestApp.StartAsync<Program>(database);
                Assert.Equal(404, (int)(await app.Client.GetAsync("/")).StatusCode);
            }
        }

        """;

    // The app create_app wrote (same route and message, so its test still passes), now with a model: a new table (and a
    // migration, as the project has them).
    private const string NotesAppWithAModel = """
        using Fwk;

        namespace Shop.Notes;

        public sealed class Note
        {
            public int Id { get; set; }

            public required string Title { get; set; }
        }

        public sealed class NotesApp : IApp
        {
            public void Configure(AppBuilder app)
            {
                app.Models.Add<Note>();
                app.Routes.MapGet("/notes", () => Respond.Success(new { message = "Hello from Notes" }));
            }
        }

        """;

    [GeneratedRegex(@"socket (?<host>[^,]+), port (?<port>\d+)")]
    private static partial Regex SocketOf();

    private async Task<string> CreateProjectAsync(string folder, string name)
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, folder)).FullName;
        Check(await fwk.RunFwkOnPackagesAsync(parent, "create_project", "--name", name, "--package-source", fwk.Packages));
        return Path.Combine(parent, name);
    }

    private async Task<ProcessResult> DotnetTestAsync(string project, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>(fwk.PackageEnvironment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var result = await TestProcess.RunAsync("dotnet", ["test", "tests", "-nologo"], project, TimeSpan.FromMinutes(5), environment);
        output.WriteLine(result.ToString());
        return result;
    }

    private async Task<string> CountAsync(Match socket, string pattern)
    {
        string[] query = ["-h", socket.Groups["host"].Value, "-p", socket.Groups["port"].Value, "-U", "postgres", "-d", "postgres", "-At", "-c", $"select count(*) from pg_database where datname like '{pattern.Replace("_", "\\_", StringComparison.Ordinal)}'"];
        var result = Check(await TestProcess.RunAsync("psql", query, fwk.Root, TimeSpan.FromSeconds(30), fwk.Environment));
        return result.StandardOutput.Trim();
    }

    // Clusters of finished test runs: their owner process is gone. The cleanup watch removes each within a second or two.
    private static async Task AssertNoClusterLeftAsync()
    {
        var clock = Stopwatch.StartNew();
        while (Orphans().Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.Empty(Orphans());
    }

    private static List<string> Orphans() => [.. ClusterFolders.Where(Directory.Exists)
        .SelectMany(folder => Directory.GetDirectories(folder, "fwk-test-pg-*"))
        .Where(directory => !File.Exists(Path.Combine(directory, "owner.pid"))
            || !int.TryParse(File.ReadAllText(Path.Combine(directory, "owner.pid")), out var pid)
            || !IsRunning(pid))];

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ProcessResult Check(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
