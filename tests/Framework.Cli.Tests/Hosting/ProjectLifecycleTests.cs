using System.Net;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary>
/// The path a user takes: create_db against the project's own managed PostgreSQL (<c>host = local</c>, under
/// <c>.fwk/</c>), the other database verbs, then <c>fwk run</c> serving both scaffolded apps until SIGTERM.
/// Verbs after the first build use <c>--no-build</c> where a build would add nothing but time.
/// </summary>
[Collection(FwkToolGroup.Name)]
public sealed class ProjectLifecycleTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DatabaseVerbsThenRun_OnScaffoldedProject_ServeEveryApp()
    {
        try
        {
            var created = await Verb("create_db");
            Assert.Contains("Database 'demo': created", created.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("running", (await Verb("db", "status", "--no-build")).StandardOutput, StringComparison.Ordinal);
            await Verb("init_project", "--no-build");
            var reset = await Verb("reset_db", "--yes");
            Assert.Contains("Database 'demo': dropped", reset.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Database 'demo': created", reset.StandardOutput, StringComparison.Ordinal);

            await RunAndRequestBothAppsAsync();

            Assert.Contains("stopped", (await Verb("db", "stop", "--no-build")).StandardOutput, StringComparison.Ordinal);
            Assert.Contains("running", (await Verb("db", "start", "--no-build")).StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            var stop = await fwk.RunFwkAsync(fwk.DemoDirectory, "db", "stop", "--no-build");
            output.WriteLine(stop.ToString());
        }
    }

    [Fact]
    public async Task Run_OnSigintWhenStartedInTheBackground_StopsTheAppGracefully()
    {
        await Verb("create_db");

        // A script's background command inherits SIGINT (and SIGQUIT) ignored; bash's trap '' does the same here.
        var url = $"http://127.0.0.1:{Signals.FreePort()}";
        var environment = new Dictionary<string, string?>(fwk.Environment) { ["FWK_NETWORKING__URLS"] = url };
        using var server = TestProcess.Start("bash", ["-c", "trap '' INT QUIT; exec \"$0\" \"$@\"", fwk.Fwk, "run", "--no-build"], fwk.DemoDirectory, environment);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilServingAsync(server, http);

            Signals.Interrupt(server.Id);
            var stopped = await server.WaitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine(stopped.ToString());
            Assert.True(stopped.ExitCode == 0, stopped.ToString());
            Assert.Contains("Application is shutting down", stopped.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill();
        }
    }

    private async Task RunAndRequestBothAppsAsync()
    {
        var port = Signals.FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var server = fwk.StartFwk(fwk.DemoDirectory, new Dictionary<string, string?> { ["FWK_NETWORKING__URLS"] = url }, "run");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilServingAsync(server, http);

            var home = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal("{\"status\":\"success\",\"data\":{\"message\":\"Hello from Demo\"}}", await home.Content.ReadAsStringAsync());

            var blog = await http.GetAsync(new Uri("/blog", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, blog.StatusCode);
            Assert.Equal("{\"status\":\"success\",\"data\":{\"message\":\"Hello from Blog\"}}", await blog.Content.ReadAsStringAsync());

            // SIGTERM to fwk is forwarded to the app, which shuts down gracefully: fwk exits with the app's 0.
            Signals.Terminate(server.Id);
            var stopped = await server.WaitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine(stopped.ToString());
            Assert.True(stopped.ExitCode == 0, stopped.ToString());
            Assert.Contains($"Now listening on: {url}", stopped.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Application is shutting down", stopped.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill();
        }
    }

    private static async Task WaitUntilServingAsync(TestProcess server, HttpClient http)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"fwk run exited early:\n{server.StandardOutput}\n{server.StandardError}");
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"fwk run did not answer within {StartTimeout.TotalSeconds:0}s:\n{server.StandardOutput}\n{server.StandardError}");
    }

    private async Task<ProcessResult> Verb(params string[] arguments)
    {
        var result = await fwk.RunFwkAsync(fwk.DemoDirectory, arguments);
        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
