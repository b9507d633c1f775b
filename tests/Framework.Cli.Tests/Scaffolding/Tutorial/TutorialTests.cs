using System.Diagnostics;
using Fwk.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fwk.Cli.Tests.Tutorial;

/// <summary>
/// README's Tutorial, done as a reader does it, on the packed packages: its commands in its order with its file edits
/// (both read out of README.md, see <see cref="TutorialDocument"/>), each command's shown output found in what it printed,
/// each curl's status, headers and body as shown. Only where the reader's machine differs does the test differ:
/// <c>--package-source</c> is this run's packages, and <c>fwk run</c> listens on a free port (the README's 8000 stands for it).
/// </summary>
[Collection(FwkToolGroup.Name)]
public sealed class TutorialTests(FwkToolFixture fwk, ITestOutputHelper output)
{
    private const string ShownAddress = "127.0.0.1:8000";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DotnetTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Tutorial_AsTheReadmeShowsIt_AnswersWhatTheReadmeShows()
    {
        var steps = TutorialDocument.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md")));
        var clock = Stopwatch.StartNew();
        var directory = Directory.CreateDirectory(Path.Combine(fwk.Root, "tutorial")).FullName;
        var projects = new List<string>();
        TestProcess? server = null;
        HttpClient? http = null;
        try
        {
            foreach (var step in steps)
            {
                switch (step)
                {
                    case TutorialEdit edit:
                        var file = Path.Combine(directory, edit.Path);
                        await File.WriteAllTextAsync(file, DiffHunks.Apply(await File.ReadAllTextAsync(file), edit.Lines));
                        break;
                    case TutorialCommand { Words: ["cd", var folder] }:
                        directory = Path.GetFullPath(Path.Combine(directory, folder));
                        projects.Add(directory);
                        break;
                    case TutorialCommand { Words: ["fwk", "run", ..] } run:
                        (server, http) = await StartAsync(directory, run);
                        break;
                    case TutorialCommand { Words: ["curl", ..] } curl:
                        Assert.True(http is not null, $"`{curl.Line}` comes before `fwk run`.");
                        var difference = await CurlRequest.Parse(curl.Words).SendAndCompareAsync(http, curl.ExpectedLines);
                        Assert.True(difference is null, $"`{curl.Line}`: {difference}");
                        break;
                    case TutorialCommand command:
                        await RunAsync(directory, command);
                        break;
                }
            }

            Assert.NotNull(server);
            output.WriteLine($"The tutorial's {steps.Count} steps took {clock.Elapsed.TotalSeconds:0}s");
        }
        finally
        {
            http?.Dispose();
            server?.Dispose();
            foreach (var project in projects.Where(p => Directory.Exists(Path.Combine(p, ".fwk"))))
            {
                output.WriteLine((await fwk.RunFwkOnPackagesAsync(project, "db", "stop", "--no-build")).ToString());
            }
        }
    }

    private async Task RunAsync(string directory, TutorialCommand command)
    {
        string[] arguments = [.. command.Words.Skip(1)];
        var packageSource = Array.IndexOf(arguments, "--package-source");
        if (packageSource >= 0)
        {
            arguments[packageSource + 1] = fwk.Packages;
        }

        var result = command.Words[0] switch
        {
            "fwk" => await fwk.RunFwkOnPackagesAsync(directory, arguments),
            "dotnet" => await TestProcess.RunAsync("dotnet", arguments, directory, DotnetTimeout, fwk.PackageEnvironment),
            var other => throw new InvalidOperationException($"The tutorial test does not run {other}: {command.Line}"),
        };
        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertShown(command, result.Output);
    }

    private async Task<(TestProcess Server, HttpClient Http)> StartAsync(string directory, TutorialCommand run)
    {
        var address = $"127.0.0.1:{Signals.FreePort()}";
        var environment = new Dictionary<string, string?>(fwk.PackageEnvironment) { ["FWK_NETWORKING__URLS"] = $"http://{address}" };
        var server = TestProcess.Start(fwk.Fwk, run.Words.Skip(1), directory, environment);
        var http = new HttpClient { BaseAddress = new Uri($"http://{address}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            Assert.False(server.HasExited, $"`{run.Line}` exited early:\n{server.StandardOutput}\n{server.StandardError}");
            try
            {
                using var ready = await http.GetAsync(new Uri("/health", UriKind.Relative));
                break;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }

        // The log lines may reach the pipe after the first answer: wait for them as long as the start could take.
        var shown = run with { Output = [.. run.Output.Select(l => l.Replace(ShownAddress, address, StringComparison.Ordinal))] };
        while (!shown.ExpectedLines.All(line => OutputLines.Contains(server.StandardOutput + server.StandardError, line)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        AssertShown(shown, server.StandardOutput + server.StandardError);
        return (server, http);
    }

    private static void AssertShown(TutorialCommand command, string printed)
    {
        foreach (var line in command.ExpectedLines)
        {
            Assert.True(OutputLines.Contains(printed, line), $"`{command.Line}` printed no line \"{line}\":\n{printed}");
        }
    }
}
