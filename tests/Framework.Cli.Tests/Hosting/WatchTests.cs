using System.Diagnostics;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests;

/// <summary><c>fwk run --watch</c> on a project of its own: an edited handler answers anew; one SIGINT stops every process.</summary>
[Collection(FwkToolGroup.Name)]
public sealed class WatchTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunWatch_WhenHandlerEdited_ServesTheNewAnswerAndStopsEverythingOnSigint()
    {
        var parent = Directory.CreateDirectory(Path.Combine(fwk.Root, "watched")).FullName;
        var created = await fwk.RunFwkAsync(parent, "create_project", "--name", "Watched", "--fwk-source", RepositoryRoot.Path);
        Assert.True(created.ExitCode == 0, created.ToString());
        var project = Path.Combine(parent, "Watched");
        var database = await fwk.RunFwkAsync(project, "create_db");
        Assert.True(database.ExitCode == 0, database.ToString());
        var url = $"http://127.0.0.1:{Signals.FreePort()}";
        using var server = fwk.StartFwk(project, new Dictionary<string, string?> { ["FWK_NETWORKING__URLS"] = url }, "run", "--watch");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForAnswerAsync(server, http, "Hello from Watched", StartTimeout);

            var handler = Path.Combine(project, "Hello", "HelloApp.cs");
            var source = await File.ReadAllTextAsync(handler);
            await File.WriteAllTextAsync(handler, source.Replace("Hello from Watched", "Edited while watched", StringComparison.Ordinal));
            await WaitForAnswerAsync(server, http, "Edited while watched", EditTimeout);

            var processes = ProcessTree.Descendants(server.Id);
            Signals.Interrupt(server.Id);
            var stopped = await server.WaitAsync(TimeSpan.FromSeconds(60));
            output.WriteLine(stopped.ToString());

            Assert.True(stopped.ExitCode == 0, stopped.ToString());
            Assert.Contains("Application is shutting down", stopped.StandardOutput, StringComparison.Ordinal);
            Assert.NotEmpty(processes);
            var deadline = DateTime.UtcNow.AddSeconds(5); // the kill of what fwk stops last is delivered, not awaited
            while (processes.Any(IsAlive) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.All(processes, id => Assert.False(IsAlive(id), $"process {id} outlived fwk run --watch"));
        }
        finally
        {
            server.Kill();
            output.WriteLine((await fwk.RunFwkAsync(project, "db", "stop", "--no-build")).ToString());
        }
    }

    private static async Task WaitForAnswerAsync(TestProcess server, HttpClient http, string expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"fwk run --watch exited early:\n{server.StandardOutput}\n{server.StandardError}");
            try
            {
                last = await http.GetStringAsync(new Uri("/", UriKind.Relative));
                if (last.Contains(expected, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or restarting.
            }
            catch (TaskCanceledException)
            {
                // Busy building.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No \"{expected}\" within {timeout.TotalSeconds:0}s (last: {last}):\n{server.StandardOutput}\n{server.StandardError}");
    }

    // A zombie (exited, not yet reaped by its parent) counts as gone.
    private static bool IsAlive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited && !File.ReadAllText($"/proc/{id}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
