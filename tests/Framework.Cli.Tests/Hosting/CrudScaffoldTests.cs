using System.Diagnostics;
using System.Net;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>
/// A project from create_project on the packed packages, as a user gets it: it builds with its first migration, its
/// scaffolded tests pass (Hello and the Items CRUD app), <c>create_app --crud Owners</c> adds an app whose tests pass too,
/// and <c>fwk run</c> serves <c>/docs</c>, <c>/openapi/v1.json</c> and <c>/health</c>.
/// </summary>
[Collection(FwkToolGroup.Name)]
public sealed class CrudScaffoldTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    [Fact]
    public async Task CreateProjectThenCreateAppWithCrud_BuildPassTheirTestsAndServeTheDocs()
    {
        var clock = Stopwatch.StartNew();
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "crud")).FullName;
        var project = Path.Combine(parent, "Garage");
        Check(await Fwk(parent, "create_project", "--name", "Garage", "--package-source", fwk.Packages));
        try
        {
            var owners = Check(await Fwk(project, "create_app", "--crud", "Owners"));
            Assert.Contains("OwnersApp: owners: create table (id, name, description)", owners.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("active = Garage.Hello, Garage.Items, Garage.Owners\n", await File.ReadAllTextAsync(Path.Combine(project, "config.ini")), StringComparison.Ordinal);
            Assert.Contains("public const int OwnerNotFound = 1201;", await File.ReadAllTextAsync(Path.Combine(project, "Owners", "OwnersApp.cs")), StringComparison.Ordinal);

            var tests = Check(await TestProcess.RunAsync("dotnet", ["test", "tests", "-nologo"], project, TimeSpan.FromMinutes(5), fwk.PackageEnvironment));
            Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+16", tests.StandardOutput);

            Check(await Fwk(project, "create_db", "--no-build"));
            await RunAndGetAsync(project, "/docs", "/openapi/v1.json", "/health");
            output.WriteLine($"create_project, create_app --crud, dotnet test, create_db and run took {clock.Elapsed.TotalSeconds:0}s");
        }
        finally
        {
            output.WriteLine((await Fwk(project, "db", "stop", "--no-build")).ToString());
        }
    }

    private async Task RunAndGetAsync(string project, params string[] paths)
    {
        var url = $"http://127.0.0.1:{Signals.FreePort()}";
        var environment = new Dictionary<string, string?>(fwk.PackageEnvironment) { ["FWK_NETWORKING__URLS"] = url };
        using var server = TestProcess.Start(fwk.Fwk, ["run", "--no-build"], project, environment);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                Assert.False(server.HasExited, $"fwk run exited early:\n{server.StandardOutput}\n{server.StandardError}");
                try
                {
                    using var ready = await http.GetAsync(new Uri("/", UriKind.Relative));
                    break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(250);
                }
            }

            foreach (var path in paths)
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        finally
        {
            server.Kill();
        }
    }

    private Task<ProcessResult> Fwk(string directory, params string[] arguments) => fwk.RunFwkOnPackagesAsync(directory, arguments);

    private ProcessResult Check(ProcessResult result)
    {
        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
