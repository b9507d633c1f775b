using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>
/// A project from create_project on the packed packages, as a user gets it: it builds with its first migration, its
/// scaffolded tests pass (Hello and the Items CRUD app), <c>create_app --crud Owners</c> adds an app whose tests pass too,
/// and <c>fwk run</c> serves <c>/docs</c>, <c>/openapi/v1.json</c> and <c>/health</c>; then the README's lines that switch
/// accounts on protect the owners' DELETE: 401 without a token, 200 with the token a login answers.
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
            Assert.Contains("public const int OwnerNotFound = 1301;", await File.ReadAllTextAsync(Path.Combine(project, "Owners", "OwnersApp.cs")), StringComparison.Ordinal);

            var tests = Check(await TestProcess.RunAsync("dotnet", ["test", "tests", "-nologo"], project, TimeSpan.FromMinutes(5), fwk.PackageEnvironment));
            Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+16", tests.StandardOutput);

            await ProtectOwnersDeleteAsync(project);
            var accounts = Check(await Fwk(project, "db", "migrate", "-m", "add accounts"));
            Assert.Contains("AccountsApp: fwk_account_users: create table", accounts.StandardOutput, StringComparison.Ordinal);
            Check(await Fwk(project, "create_db")); // builds again: the migration just written is new source
            await RunAsync(project, async http =>
            {
                foreach (var path in new[] { "/docs", "/openapi/v1.json", "/health" })
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                await CallProtectedDeleteAsync(http);
            });
            output.WriteLine($"create_project, create_app --crud, dotnet test, accounts on, create_db and run took {clock.Elapsed.TotalSeconds:0}s");
        }
        finally
        {
            output.WriteLine((await Fwk(project, "db", "stop", "--no-build")).ToString());
        }
    }

    // The lines README's "Accounts" section gives for a new project: UseAccounts in Program.cs, RequireAuth on a route.
    private static async Task ProtectOwnersDeleteAsync(string project)
    {
        var program = Path.Combine(project, "Program.cs");
        var owners = Path.Combine(project, "Owners", "OwnersApp.cs");
        await Edit(program, "// app.UseAccounts();", "app.UseAccounts();");
        await Edit(owners, "using Fwk;\n", "using Fwk;\nusing Fwk.Accounts;\n");
        await Edit(owners, "routes.MapDelete(\"/{id:int}\", DeleteAsync);", "routes.MapDelete(\"/{id:int}\", DeleteAsync).RequireAuth();");

        static async Task Edit(string file, string from, string to)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains(from, text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, text.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private static async Task CallProtectedDeleteAsync(HttpClient http)
    {
        var owner = await BodyAsync(await http.PostAsJsonAsync("/owners", new { name = "Ada" }));
        var path = $"/owners/{owner.GetProperty("data").GetProperty("id").GetInt32()}";
        var anonymous = await http.DeleteAsync(new Uri(path, UriKind.Relative));
        var account = new { email = "ada@example.com", password = "correct horse battery" };
        await BodyAsync(await http.PostAsJsonAsync("/auth/register", account));
        var tokens = await BodyAsync(await http.PostAsJsonAsync("/auth/login", account));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, path);
        delete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("data").GetProperty("access_token").GetString());
        var authorized = await http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1201, JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task RunAsync(string project, Func<HttpClient, Task> calls)
    {
        var url = $"http://127.0.0.1:{Signals.FreePort()}";
        var environment = new Dictionary<string, string?>(fwk.PackageEnvironment)
        {
            ["FWK_NETWORKING__URLS"] = url,
            ["FWK_AUTH_SIGNING_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        };
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

            await calls(http);
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
